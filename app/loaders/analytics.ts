import { notFound } from "next/navigation";
import { getProjectAnalyticsByKey, getWorkspaceAnalytics } from "@/server/analytics";
import type { ServiceContext } from "@/server/context";
import { NotFoundError, ServiceError } from "@/server/errors";
import { getProjectTimeReport } from "@/server/time-tracking";

type Search = Promise<Record<string, string | string[] | undefined>>;

async function rangeOf(searchParams: Search): Promise<{ from?: string; to?: string }> {
  const q = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);
  return { from: one(q.from), to: one(q.to) };
}

/** Runs a load with the URL's range; a bad range shows its message and falls back to the default. */
async function withRange<T>(
  searchParams: Search,
  load: (query: { from?: string; to?: string }) => Promise<T>,
): Promise<{ data: T; error?: string }> {
  try {
    return { data: await load(await rangeOf(searchParams)) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ServiceError && error.code === "VALIDATION") {
      const detail = error.extra.errors?.map((e) => `${e.path}: ${e.message}`).join("; ") ?? error.message;
      return { data: await load({}), error: `That range was not used (${detail}); showing the last 12 weeks.` };
    }
    throw error;
  }
}

export function loadProjectAnalytics(ctx: ServiceContext, slug: string, key: string, searchParams: Search) {
  return withRange(searchParams, (query) => getProjectAnalyticsByKey({ ctx, slug, key, query }));
}

export function loadWorkspaceAnalytics(ctx: ServiceContext, slug: string, searchParams: Search) {
  return withRange(searchParams, (query) => getWorkspaceAnalytics({ ctx, slug, query }));
}

/** Time spent in the project over the range the analytics tab resolved (so both read the same days). */
export function loadProjectTimeReport(ctx: ServiceContext, projectId: string, range: { from: string; to: string }) {
  return getProjectTimeReport({ ctx, projectId, query: range });
}
