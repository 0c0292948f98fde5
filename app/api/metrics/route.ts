import { metricsOp } from "@/server/operations/health";
import { ServiceError } from "@/server/errors";
import { route } from "@/server/http/route";
import { metrics } from "@/server/metrics";
import { settings } from "@/config/settings";

export const dynamic = "force-dynamic";
export const GET = route(metricsOp, async ({ req }) => {
  const token = settings().METRICS_TOKEN;
  if (token && req.headers.get("authorization") !== `Bearer ${token}`) throw new ServiceError("UNAUTHENTICATED", "Send the metrics token");
  const registry = metrics().registry;
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType } });
});
