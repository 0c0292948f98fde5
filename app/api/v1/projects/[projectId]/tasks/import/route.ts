import { importTasksCsvOp } from "@/server/operations/search";
import { Reply, route } from "@/server/http/route";
import { importTasksCsv } from "@/server/tasks/csv-import";
import { readCsvBody } from "@/server/tasks/csv-request";

export const POST = route(importTasksCsvOp, async ({ ctx, params, query, req }) => {
  const report = await importTasksCsv({ ctx, projectId: params.projectId, csv: await readCsvBody(req), dryRun: query.dryRun });
  if (report.dryRun) return new Reply(200, report);
  if (report.errors.length === 0) return report;
  // Nothing was created: the report, as a problem document.
  const problem = {
    type: "https://tasklane.dev/problems/validation-failed",
    title: "Validation failed",
    status: 422,
    detail: `${report.errors.length} row error(s); nothing was imported`,
    requestId: ctx.requestId,
    ...report,
  };
  return new Response(JSON.stringify(problem), { status: 422, headers: { "content-type": "application/problem+json" } });
});
