import { deleteTimeEntryOp, updateTimeEntryOp } from "@/server/operations/time-tracking";
import { removeTimeEntry, updateTimeEntry } from "@/server/time-tracking";
import { route } from "@/server/http/route";

export const PATCH = route(updateTimeEntryOp, ({ ctx, params, body, ifMatch }) =>
  updateTimeEntry({ ctx, entryId: params.entryId, input: body, ifMatch }),
);
export const DELETE = route(deleteTimeEntryOp, ({ ctx, params, ifMatch }) => removeTimeEntry({ ctx, entryId: params.entryId, ifMatch }));
