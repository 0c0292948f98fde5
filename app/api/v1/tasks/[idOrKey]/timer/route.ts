import { startTimerOp } from "@/server/operations/time-tracking";
import { startTimer } from "@/server/time-tracking";
import { Reply, route } from "@/server/http/route";

export const POST = route(startTimerOp, async ({ ctx, params, query }) => {
  const { created, ...timer } = await startTimer({ ctx, ref: { idOrKey: params.idOrKey, ...query } });
  return created ? timer : new Reply(200, timer);
});
