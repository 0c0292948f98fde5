import { exportTasksCsvOp } from "@/server/operations/search";
import { route } from "@/server/http/route";
import { exportTasksCsv } from "@/server/tasks/csv-export";

export const GET = route(exportTasksCsvOp, ({ ctx, params }) => exportTasksCsv({ ctx, projectId: params.projectId }));
