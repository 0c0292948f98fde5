import { getRecurrenceOp, removeRecurrenceOp, setRecurrenceOp } from "@/server/operations/recurrence";
import { route } from "@/server/http/route";
import { getRecurrence, removeRecurrence, setRecurrence } from "@/server/recurrence";

export const GET = route(getRecurrenceOp, ({ ctx, params, query }) => getRecurrence({ ctx, ref: { idOrKey: params.idOrKey, ...query } }));
export const PUT = route(setRecurrenceOp, ({ ctx, params, query, body, ifMatch }) =>
  setRecurrence({ ctx, ref: { idOrKey: params.idOrKey, ...query }, input: body, ifMatch }),
);
export const DELETE = route(removeRecurrenceOp, async ({ ctx, params, query, ifMatch }) => {
  await removeRecurrence({ ctx, ref: { idOrKey: params.idOrKey, ...query }, ifMatch });
});
