import { readyOp } from "@/server/operations/health";
import { checkReadiness } from "@/server/health";
import { Reply, route } from "@/server/http/route";

export const dynamic = "force-dynamic";
export const GET = route(readyOp, async () => {
  const { ok, degraded, checks } = await checkReadiness();
  return new Reply(ok ? 200 : 503, { status: ok ? (degraded ? "degraded" : "ok") : "unavailable", checks });
});
