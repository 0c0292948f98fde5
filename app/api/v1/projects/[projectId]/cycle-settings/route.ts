import { updateCycleSettingsOp } from "@/server/operations/cycles";
import { route } from "@/server/http/route";
import { updateCycleSettings } from "@/server/cycles";

export const PATCH = route(updateCycleSettingsOp, ({ ctx, params, body, ifMatch }) =>
  updateCycleSettings({ ctx, projectId: params.projectId, input: body, ifMatch }),
);
