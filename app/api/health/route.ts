import { healthOp } from "@/server/api/health";
import { route } from "@/server/http/route";

export const GET = route(healthOp, async () => ({ status: "ok" }));
