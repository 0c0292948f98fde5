import { settings } from "@/config/settings";

// The benchmark's framework floor: the least a route handler in this production build can do.
// Not part of the public API; it answers 404 unless BENCH_FLOOR=true.
const BODY = JSON.stringify({ ok: true, floor: "next-route-handler" });

export const dynamic = "force-dynamic";

export function GET(): Response {
  if (!settings().BENCH_FLOOR) return new Response("Not found", { status: 404 });
  return new Response(BODY, { status: 200, headers: { "content-type": "application/json" } });
}
