import type pg from "pg";
import { performance } from "node:perf_hooks";
import { replay, type Capture } from "../floors/replay";
import { sequentialLatency } from "./load";
import { measured } from "./load-average";
import type { BenchContext } from "./scenario";
import { percentile } from "./stats";

export type Latency = { p50: number; p95: number; p99: number; n: number };
const summarize = (samples: number[]): Latency => ({
  p50: percentile(samples, 0.5),
  p95: percentile(samples, 0.95),
  p99: percentile(samples, 0.99),
  n: samples.length,
});

/** Sequential API latency from a separate process, per labelled path. */
export async function apiLatency(
  ctx: BenchContext,
  targets: { label: string; path: string }[],
  iterations = 40,
  /** The time bound per target (a slow target still gets 3 samples); default half of --seconds, at least 3 s. */
  seconds = Math.max(3, ctx.opts.seconds / 2),
): Promise<Map<string, number[]>> {
  const results = await sequentialLatency({
    targets: targets.map((t) => ({ label: t.label, url: ctx.services.appUrl + t.path, headers: ctx.auth })),
    iterations,
    warmup: 3,
    seconds,
  });
  const out = new Map<string, number[]>();
  for (const r of results) {
    if (r.samples.length === 0) throw new Error(`${r.label}: every request failed (last status ${r.status})`);
    out.set(r.label, r.samples);
  }
  return out;
}

/** The same SQL alone: the captured statements replayed through pg, sequentially, no HTTP. */
export function sqlLatency(pool: pg.Pool, capture: Capture, iterations = 40, seconds = 5): Promise<number[]> {
  return measured(`SQL alone ${capture.statements.length} statements`, () => replayTimed(pool, capture, iterations, seconds));
}

async function replayTimed(pool: pg.Pool, capture: Capture, iterations: number, seconds: number): Promise<number[]> {
  const samples: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  await replay(pool, capture.statements); // warm-up
  // Bounded in time, but a slow query still gets a few samples.
  while (samples.length < iterations && (performance.now() < deadline || samples.length < 3)) {
    const started = performance.now();
    await replay(pool, capture.statements);
    samples.push(performance.now() - started);
  }
  return samples;
}

export { summarize };
