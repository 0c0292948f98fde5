import os from "node:os";

/** The 1-minute load average before and after a measurement, and the highest seen at either end of any part of it. */
export type LoadSpan = { before: number; after: number; peak: number };

const CORES = os.cpus().length;
const now = () => Math.round(os.loadavg()[0]! * 100) / 100;

// Every measurement the harness runs (load child, sequential latency, SQL replay) is recorded here, so
// run.ts can put the span of a scenario's measurements beside its rows without the scenario's help.
const spans: LoadSpan[] = [];
let log: (m: string) => void = () => undefined;

export function setLoadLog(fn: (m: string) => void): void {
  log = fn;
}

export const cores = () => CORES;
export const overloaded = (span: LoadSpan | undefined) => span !== undefined && span.peak > CORES;
export const formatSpan = (span: LoadSpan) => `${span.before.toFixed(2)} → ${span.after.toFixed(2)}`;

let depth = 0;

/**
 * Runs one measurement, prints the load average before and after it, and records the span.
 * Inside another measured() (e.g. one side of an interleaved round) only the outer one counts.
 */
export async function measured<T>(label: string, fn: () => Promise<T>): Promise<T> {
  if (depth > 0) return fn();
  const before = now();
  depth++;
  let value: T;
  try {
    value = await fn();
  } finally {
    depth--;
  }
  const after = now();
  const span = { before, after, peak: Math.max(before, after) };
  spans.push(span);
  log(`  ${label}: load ${formatSpan(span)}${overloaded(span) ? ` (over ${CORES} cores)` : ""}`);
  return value;
}

/** A position in the record; spanSince(mark) joins every measurement after it into one span. */
export const loadMark = () => spans.length;

export function spanSince(mark: number): LoadSpan | undefined {
  return joinSpans(spans.slice(mark));
}

export function joinSpans(list: LoadSpan[]): LoadSpan | undefined {
  if (list.length === 0) return undefined;
  return { before: list[0]!.before, after: list[list.length - 1]!.after, peak: Math.max(...list.map((s) => s.peak)) };
}

/** The span of a piece of work that recorded no measurement of its own (e.g. a scenario that drives a browser). */
export async function spanOf<T>(fn: () => Promise<T>): Promise<{ value: T; load: LoadSpan }> {
  const before = now();
  const value = await fn();
  const after = now();
  return { value, load: { before, after, peak: Math.max(before, after) } };
}
