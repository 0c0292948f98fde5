import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireContext } from "@/app/lib/session";
import { loadShell } from "@/app/loaders/shell";
import { AuditLog, type AuditFilters } from "@/components/workspace/audit-log";
import { auditTypes, listAudit, type AuditQuery } from "@/server/audit";
import { ServiceError } from "@/server/errors";
import { listMembers } from "@/server/workspaces";

export const metadata: Metadata = { title: "Audit log" };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Owners and admins: who changed what, filtered by actor, type and days (to is inclusive here). */
export default async function AuditPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const { slug } = await params;
  const ctx = await requireContext(`/w/${slug}/settings/audit`);
  const shell = await loadShell(ctx, slug);
  if (!shell.current?.permissions.canAdmin) notFound();
  const sp = await searchParams;
  const filters: AuditFilters = { actor: one(sp.actor), type: one(sp.type), from: one(sp.from), to: one(sp.to) };
  const query: AuditQuery = {
    limit: 50,
    cursor: one(sp.cursor) || undefined,
    actor: filters.actor || undefined,
    type: (auditTypes as readonly string[]).includes(filters.type) ? (filters.type as AuditQuery["type"]) : undefined,
    from: DAY.test(filters.from) ? `${filters.from}T00:00:00.000Z` : undefined,
    to: DAY.test(filters.to) ? new Date(Date.parse(`${filters.to}T00:00:00.000Z`) + 86_400_000).toISOString() : undefined,
  };
  const members = await listMembers({ ctx, slug, page: { limit: 100 } });
  let page: Awaited<ReturnType<typeof listAudit>> = { data: [], nextCursor: null };
  let error: string | undefined;
  try {
    page = await listAudit({ ctx, slug, query });
  } catch (e) {
    if (!(e instanceof ServiceError)) throw e;
    error = e.extra.errors?.map((x) => `${x.path}: ${x.message}`).join("; ") || e.message;
  }
  const older = page.nextCursor
    ? `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)), cursor: page.nextCursor })}`
    : null;
  return (
    <div className="content-narrow">
      <p>
        <a href={`/w/${encodeURIComponent(slug)}/settings`}>← Workspace settings</a>
      </p>
      <h1>Audit log</h1>
      <p className="muted small">
        Role changes, invitations, removals, tokens, webhooks, project archive and restore, and sign-ins from a new device, newest first.
      </p>
      <section className="card" aria-label="Audit entries">
        <AuditLog
          entries={page.data}
          people={members.data.map((m) => m.user)}
          types={auditTypes}
          filters={filters}
          olderHref={older}
          error={error}
        />
      </section>
    </div>
  );
}
