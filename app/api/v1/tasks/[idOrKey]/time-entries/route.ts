import { createTimeEntryOp, listTaskTimeEntriesOp } from "@/server/operations/time-tracking";
import { createTimeEntry, listTaskTimeEntries } from "@/server/time-tracking";
import { route } from "@/server/http/route";

export const GET = route(listTaskTimeEntriesOp, ({ ctx, params, query: { workspace, ...page } }) =>
  listTaskTimeEntries({ ctx, ref: { idOrKey: params.idOrKey, workspace }, page }),
);
export const POST = route(createTimeEntryOp, ({ ctx, params, query, body }) =>
  createTimeEntry({ ctx, ref: { idOrKey: params.idOrKey, ...query }, input: body }),
);
