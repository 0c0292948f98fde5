import type { ServiceContext } from "../context";
import { projectCsv, workspaceCsv } from "./csv";
import { getProjectAnalytics } from "./project";
import { CsvQuery, WorkspaceCsvQuery } from "./schemas";
import { getWorkspaceAnalytics } from "./workspace";

export type CsvFile = { filename: string; csv: string };

/** One table or series of a project's analytics as CSV (same access and range rules as the JSON). */
export async function exportProjectAnalyticsCsv(args: { ctx: ServiceContext; projectId: string; query: unknown }): Promise<CsvFile> {
  const { table, from, to } = CsvQuery.parse(args.query);
  const data = await getProjectAnalytics({ ctx: args.ctx, projectId: args.projectId, query: { from, to } });
  return { filename: `analytics-${table}-${data.range.from}-${data.range.to}.csv`, csv: projectCsv(data, table) };
}

export async function exportWorkspaceAnalyticsCsv(args: { ctx: ServiceContext; slug: string; query: unknown }): Promise<CsvFile> {
  const { table, from, to } = WorkspaceCsvQuery.parse(args.query);
  const data = await getWorkspaceAnalytics({ ctx: args.ctx, slug: args.slug, query: { from, to } });
  return { filename: `${args.slug}-analytics-${table}-${data.range.from}-${data.range.to}.csv`, csv: workspaceCsv(data, table) };
}

export function csvResponse(file: CsvFile): Response {
  return new Response(file.csv, {
    status: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "private, no-store",
    },
  });
}
