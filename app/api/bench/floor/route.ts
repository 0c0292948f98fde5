import { settings } from "@/config/settings";

// The benchmark's framework floor: the least a route handler in this production build can do.
// Not part of the public API (left out of the OpenAPI document); it answers 404 unless BENCH_FLOOR=true.
// It stays in the shipped build on purpose: the floor must be served by the very build and `next start`
// process the scenarios measure, and a bench-only build flavour would cost a second build on every run.
const BODY = JSON.stringify({ ok: true, floor: "next-route-handler" });

export const dynamic = "force-dynamic";

export function GET(): Response {
  if (!settings().BENCH_FLOOR) return new Response("Not found", { status: 404 });
  return new Response(BODY, { status: 200, headers: { "content-type": "application/json" } });
}
