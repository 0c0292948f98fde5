// Paired measurements taken alternately (floor, app, floor, app, …) so that a noisy neighbour on the
// shared machine hits both sides alike; each side's figure is the median over the rounds.
import { autocannon, type LoadSummary } from "./load";
import type { LoadSpec } from "../load/autocannon";
import { joinSpans, measured, loadMark, spanSince, type LoadSpan } from "./load-average";
import type { BenchContext } from "./scenario";
import { median } from "./stats";

/** What one side gets in each round: its index and how long a load phase may last (--seconds split over the rounds). */
export type Round = { round: number; rounds: number; seconds: number };
type Sides = Record<string, (round: Round) => Promise<unknown>>;
export type Interleaved<S extends Sides> = {
  [K in keyof S]: { runs: Awaited<ReturnType<S[K]>>[]; load: LoadSpan };
};

/** Seconds per load phase of one round: --seconds is about the time per side, whatever the number of rounds (whole seconds: autocannon counts req/s per second). */
export const roundSeconds = (ctx: BenchContext, rounds = ctx.opts.rounds) => Math.max(1, Math.round(ctx.opts.seconds / rounds));

/**
 * Runs every side once per round, in the order given, for `rounds` rounds (default --rounds), and
 * returns each side's results in round order with the load average around its measurements.
 */
export async function interleave<S extends Sides>(ctx: BenchContext, sides: S, rounds = ctx.opts.rounds): Promise<Interleaved<S>> {
  const names = Object.keys(sides) as (keyof S & string)[];
  const out = Object.fromEntries(names.map((n) => [n, { runs: [] as unknown[], spans: [] as LoadSpan[] }]));
  const seconds = roundSeconds(ctx, rounds);
  for (let round = 0; round < rounds; round++) {
    for (const name of names) {
      const mark = loadMark();
      out[name]!.runs.push(await measured(`${name}, round ${round + 1}/${rounds}`, () => sides[name]!({ round, rounds, seconds })));
      const span = spanSince(mark);
      if (span) out[name]!.spans.push(span);
    }
  }
  return Object.fromEntries(names.map((n) => [n, { runs: out[n]!.runs, load: joinSpans(out[n]!.spans)! }])) as Interleaved<S>;
}

/** The median of each figure over the rounds (requests and errors are summed). */
export function medianSummary(runs: LoadSummary[]): LoadSummary {
  const m = (k: keyof LoadSummary) => median(runs.map((r) => r[k]));
  const sum = (k: keyof LoadSummary) => runs.reduce((t, r) => t + r[k], 0);
  return {
    rps: m("rps"),
    p50: m("p50"),
    p90: m("p90"),
    p99: m("p99"),
    max: Math.max(...runs.map((r) => r.max)),
    requests: sum("requests"),
    ok: sum("ok"),
    non2xx: sum("non2xx"),
    errors: sum("errors"),
    timeouts: sum("timeouts"),
  };
}

export type PairedLoad = LoadSummary & { load: LoadSpan; rounds: number; rpsRuns: number[] };

/**
 * autocannon loads taken alternately, e.g. `{ framework: frameworkFloorLoad(ctx, 10), app: {...} }`:
 * each side's medians over the rounds, its per-round req/s and the load average around it.
 */
export async function interleavedLoad<K extends string>(
  ctx: BenchContext,
  specs: Record<K, Omit<LoadSpec, "seconds">>,
  rounds = ctx.opts.rounds,
): Promise<Record<K, PairedLoad>> {
  const sides = Object.fromEntries(
    Object.entries<Omit<LoadSpec, "seconds">>(specs).map(([k, spec]) => [k, (r: Round) => autocannon({ ...spec, seconds: r.seconds })]),
  ) as Record<K, (r: Round) => Promise<LoadSummary>>;
  const result = await interleave(ctx, sides, rounds);
  const entries = (Object.keys(specs) as K[]).map((k) => {
    const { runs, load } = result[k];
    return [k, { ...medianSummary(runs), load, rounds, rpsRuns: runs.map((r) => r.rps) }];
  });
  return Object.fromEntries(entries) as Record<K, PairedLoad>;
}

/** The framework floor's load spec (GET /api/bench/floor), to interleave with an app measurement. */
export const frameworkFloorLoad = (ctx: BenchContext, connections: number): Omit<LoadSpec, "seconds"> => ({
  url: `${ctx.services.appUrl}/api/bench/floor`,
  connections,
});

/** Sample lists gathered over the rounds, pooled per label (for percentiles over every sample). */
export function pooled(runs: Map<string, number[]>[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const run of runs) for (const [label, samples] of run) out.set(label, [...(out.get(label) ?? []), ...samples]);
  return out;
}

/** The span that covers both sides of an interleaved measurement (for a row that compares them). */
export const bothSides = (...sides: { load: LoadSpan }[]): LoadSpan => joinSpans(sides.map((s) => s.load))!;
