import { listProjectTimeEntriesOp } from "@/server/operations/time-tracking";
import { listProjectTimeEntries } from "@/server/time-tracking";
import { route } from "@/server/http/route";

export const GET = route(listProjectTimeEntriesOp, ({ ctx, params, query: { limit, cursor, ...query } }) =>
  listProjectTimeEntries({ ctx, projectId: params.projectId, query, page: { limit, cursor } }),
);
