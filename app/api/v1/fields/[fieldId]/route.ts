import { deleteFieldOp, getFieldOp, updateFieldOp } from "@/server/operations/custom-fields";
import { route } from "@/server/http/route";
import { getField, removeField, updateField } from "@/server/custom-fields";

export const GET = route(getFieldOp, ({ ctx, params }) => getField({ ctx, fieldId: params.fieldId }));
export const PATCH = route(updateFieldOp, ({ ctx, params, body, ifMatch }) =>
  updateField({ ctx, fieldId: params.fieldId, input: body, ifMatch }),
);
export const DELETE = route(deleteFieldOp, async ({ ctx, params, ifMatch }) => {
  await removeField({ ctx, fieldId: params.fieldId, ifMatch });
});
