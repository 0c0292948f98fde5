import { getTimerOp, stopTimerOp } from "@/server/operations/time-tracking";
import { getTimer, stopTimer } from "@/server/time-tracking";
import { route } from "@/server/http/route";

export const GET = route(getTimerOp, ({ ctx }) => getTimer({ ctx }));
export const DELETE = route(stopTimerOp, ({ ctx }) => stopTimer({ ctx }));
