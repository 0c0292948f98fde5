import { z } from "zod";
import { defineOperation } from "./define";

const tag = "Health";

export const healthOp = defineOperation({
  method: "GET",
  path: "/api/health",
  tag,
  auth: "public",
  summary: "Liveness",
  response: z.object({ status: z.literal("ok") }),
  status: 200,
});
export const readyOp = defineOperation({
  method: "GET",
  path: "/api/ready",
  tag,
  auth: "public",
  summary: "Readiness: the database answers (Redis is reported; without it the app is degraded but serves)",
  response: z.object({ status: z.enum(["ok", "degraded", "unavailable"]), checks: z.record(z.string(), z.enum(["ok", "fail"])) }),
  status: 200,
  alternatives: [{ status: 503, description: "The database does not answer" }],
});
export const openapiOp = defineOperation({
  method: "GET",
  path: "/api/v1/openapi.json",
  tag,
  auth: "public",
  summary: "This document",
  status: 200,
  produces: "application/json",
});
export const docsOp = defineOperation({
  method: "GET",
  path: "/api/docs",
  tag,
  auth: "public",
  summary: "Rendered API documentation",
  status: 200,
  produces: "text/html",
});
export const metricsOp = defineOperation({
  method: "GET",
  path: "/api/metrics",
  tag,
  auth: "public",
  summary: "Prometheus metrics (Bearer METRICS_TOKEN when set)",
  status: 200,
  produces: "text/plain",
  errors: [401],
});
