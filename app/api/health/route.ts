import { healthOp } from "@/server/operations/health";
import { route } from "@/server/http/route";

export const GET = route(healthOp, async () => ({ status: "ok" }));
