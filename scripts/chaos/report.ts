// The chaos run's table and its verdict: which of the outage rules (README, "What happens during an outage") held.
import type { ReadySample, Sample } from "./load";
import type { SocketReport } from "./sockets";

export type Phase = { name: string; from: number; to: number };
export type Check = { rule: string; ok: boolean; detail: string };
export type Delivery = {
  committed: number;
  sockets: number;
  deliveredMin: number;
  deliveredMax: number;
  missing: number;
  duplicates: number;
  outOfOrder: number;
  unexpected: number;
  socketsExact: number;
  reconnects: number;
  resyncs: number;
};

const fmt = (ms: number) => (Number.isFinite(ms) ? `${Math.round(ms)} ms` : "–");

/** The requests answered during the phase (a request that runs into the next outage counts there). */
export const within = (xs: Sample[], p: Phase) => xs.filter((s) => s.at + s.ms >= p.from && s.at + s.ms < p.to);
export const maxMs = (xs: { ms: number }[]) => xs.reduce((m, s) => Math.max(m, s.ms), 0);

/** Each socket's ids against the committed ones: every one, once, in order. */
export function delivery(expected: number[], sockets: SocketReport[]): Delivery {
  const want = new Set(expected);
  const d: Delivery = {
    committed: expected.length,
    sockets: sockets.length,
    deliveredMin: Infinity,
    deliveredMax: 0,
    missing: 0,
    duplicates: 0,
    outOfOrder: 0,
    unexpected: 0,
    socketsExact: 0,
    reconnects: 0,
    resyncs: 0,
  };
  for (const s of sockets) {
    const seen = new Set<number>();
    let top = -1;
    for (const id of s.ids) {
      if (seen.has(id)) d.duplicates++;
      else if (id < top) d.outOfOrder++;
      if (!want.has(id)) d.unexpected++;
      seen.add(id);
      top = Math.max(top, id);
    }
    const got = expected.filter((id) => seen.has(id)).length;
    d.missing += expected.length - got;
    d.deliveredMin = Math.min(d.deliveredMin, got);
    d.deliveredMax = Math.max(d.deliveredMax, got);
    if (s.ids.length === expected.length && s.ids.every((id, i) => id === expected[i])) d.socketsExact++;
    d.reconnects += s.reconnects;
    d.resyncs += s.resyncs;
  }
  if (sockets.length === 0) d.deliveredMin = 0;
  return d;
}

export function requestTable(samples: Sample[], phases: Phase[], recovery: Record<string, string>): string {
  const rows = [
    "| phase | seconds | requests | 2xx | 4xx | 503 | other 5xx | no answer | max latency | recovery |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  const add = (name: string, xs: Sample[], seconds: string, rec: string) => {
    const count = (f: (s: Sample) => boolean) => xs.filter(f).length;
    rows.push(
      `| ${name} | ${seconds} | ${xs.length} | ${count((s) => s.status >= 200 && s.status < 300)} | ${count((s) => s.status >= 400 && s.status < 500)} | ${count((s) => s.status === 503)} | ${count((s) => s.status >= 500 && s.status !== 503)} | ${count((s) => s.status === 0)} | ${fmt(maxMs(xs))} | ${rec} |`,
    );
  };
  for (const p of phases) add(p.name, within(samples, p), ((p.to - p.from) / 1000).toFixed(1), recovery[p.name] ?? "");
  add("**all**", samples, "", "");
  return rows.join("\n");
}

export function deliveryTable(d: Delivery): string {
  return [
    "| events committed | sockets | delivered per socket (min / max) | sockets with exactly the committed sequence | missing | duplicates | out of order | reconnects | resyncs |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    `| ${d.committed} | ${d.sockets} | ${d.deliveredMin} / ${d.deliveredMax} | ${d.socketsExact} | ${d.missing} | ${d.duplicates} | ${d.outOfOrder} | ${d.reconnects} | ${d.resyncs} |`,
  ].join("\n");
}

/**
 * "No request past 2 s" means no request waits on the dependency that is down. On a machine so busy that
 * requests take longer than that with everything up, the bar is the slowest such request instead (the
 * report says so): the rule is about hanging, not about the machine's speed.
 */
export function latencyLimit(healthy: Sample[]): { limitMs: number; note: string } {
  const slowest = maxMs(healthy);
  if (slowest <= 2000) return { limitMs: 2000, note: "" };
  return {
    limitMs: slowest,
    note: `note: the machine is overloaded (a request took ${fmt(slowest)} with every service up), so "past 2 s" is read as "past ${fmt(slowest)}"`,
  };
}

/** Rules for a window in which the API must keep answering (Redis away): no 5xx, no answer later than 2 s. */
export function keepsAnswering(name: string, xs: Sample[], limitMs: number): Check[] {
  const bad = xs.filter((s) => s.status === 0 || s.status >= 500);
  const slow = xs.filter((s) => s.ms > limitMs);
  return [
    {
      rule: `${name}: the API keeps answering (no 5xx, no error)`,
      ok: bad.length === 0 && xs.some((s) => s.status < 300),
      detail: `${bad.length} of ${xs.length} failed${bad[0] ? ` (first: ${bad[0].status || bad[0].error})` : ""}`,
    },
    { rule: `${name}: no request past 2 s`, ok: slow.length === 0, detail: `max ${fmt(maxMs(xs))}, ${slow.length} over ${fmt(limitMs)}` },
  ];
}

/** Rules for a window in which PostgreSQL is away: 2xx or 503 problem+json with Retry-After, fast. */
export function failsFast(name: string, xs: Sample[], expectFailures: boolean, limitMs: number): Check[] {
  const wrong = xs.filter((s) => !(s.status >= 200 && s.status < 300) && !(s.status === 503 && s.problemJson && s.retryAfter));
  const slow = xs.filter((s) => s.ms > limitMs);
  return [
    {
      rule: `${name}: every failure is 503 problem+json with Retry-After (no 500)`,
      ok: wrong.length === 0 && (!expectFailures || xs.some((s) => s.status === 503)),
      detail: `${xs.filter((s) => s.status === 503).length} × 503, ${wrong.length} other${wrong[0] ? ` (first: ${wrong[0].status || wrong[0].error} ${wrong[0].op})` : ""}`,
    },
    { rule: `${name}: no request past 2 s`, ok: slow.length === 0, detail: `max ${fmt(maxMs(xs))}, ${slow.length} over ${fmt(limitMs)}` },
  ];
}

/** /api/ready while PostgreSQL is down (from the end of the stop until the start). */
export function readySaysNo(ready: ReadySample[], down: Phase, webs: number): Check {
  const xs = ready.filter((r) => r.at >= down.from && r.at < down.to);
  const perWeb = Array.from({ length: webs }, (_, w) => xs.filter((r) => r.web === w));
  const ok = perWeb.every((rs) => rs.length > 0 && rs.every((r) => r.status === 503));
  return {
    rule: "PostgreSQL down: /api/ready says 503 on every instance",
    ok,
    detail: `${xs.filter((r) => r.status === 503).length} of ${xs.length} polls answered 503`,
  };
}

export function printChecks(checks: Check[]): string {
  return checks.map((c) => `${c.ok ? "PASS" : "FAIL"}  ${c.rule} — ${c.detail}`).join("\n");
}
