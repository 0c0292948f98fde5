import type pg from "pg";
import type { BenchOptions } from "./config";
import type { Capture } from "../floors/replay";
import type { Fixture } from "../seed";
import type { LoadSpan } from "./load-average";

/** One line of the report: a measured value beside its floors, the ratio and the target. */
export type Row = {
  scenario: string;
  metric: string;
  value: number | null;
  unit: string;
  floors?: Record<string, number | null>;
  ratio?: string;
  target?: string;
  met?: boolean | null;
  note?: string;
  /** When met is false: why, from the floors measured beside it. */
  why?: string;
  /**
   * The 1-minute load average before and after the measurement behind this row. A scenario may set it
   * (e.g. from interleave()); otherwise run.ts fills in the span of all the scenario's measurements.
   */
  load?: LoadSpan;
  /** Set by run.ts: the load average exceeded the core count during the measurement. */
  loaded?: boolean;
};

export type Services = {
  appUrl: string;
  bareUrl: string;
  realtimeUrls: string[];
  webPid: number;
  realtimePids: number[];
};

export type BenchContext = {
  opts: BenchOptions;
  databaseUrl: string;
  pool: pg.Pool;
  fixture: Fixture;
  tasks: number; // the data set's size when measured
  services: Services;
  auth: Record<string, string>;
  /** The app's AUTH_SECRET, to make a browser session cookie. */
  authSecret: string;
  /** Sends one request to the app with SQL capture on (after a warm-up: `warmup`, else the same), and returns what it ran. */
  capture(
    name: string,
    req: { method?: string; path: string; body?: unknown },
    warmup?: { method?: string; path: string; body?: unknown },
  ): Promise<Capture>;
  /** Framework floor measured once per connection count in the run, reused by every scenario. */
  frameworkFloor(connections: number): Promise<{ rps: number; p50: number; p99: number }>;
  /** Lets a scenario that measured the framework floor itself (interleaved) give it to the ones after it. */
  rememberFrameworkFloor(connections: number, floor: { rps: number; p50: number; p99: number }): void;
  log(message: string): void;
};

export type Scenario = {
  id: string;
  title: string;
  /** null when it can run; otherwise why not (e.g. the endpoint has not landed yet). */
  available(ctx: BenchContext): Promise<string | null>;
  run(ctx: BenchContext): Promise<Row[]>;
};

/** Whether the app serves a route at all: Next answers a missing route with its HTML 404 page (or 405 for a missing method). */
export async function routeExists(ctx: BenchContext, method: string, path: string, body?: unknown): Promise<string | null> {
  const res = await fetch(ctx.services.appUrl + path, {
    method,
    headers: { ...ctx.auth, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const type = res.headers.get("content-type") ?? "";
  await res.arrayBuffer();
  if (res.status === 405 || (res.status === 404 && !type.includes("json")))
    return `not available yet: ${method} ${path} is not served (${res.status})`;
  if (res.status >= 400) return `${method} ${path} answered ${res.status}`;
  return null;
}

export const pct = (value: number, floor: number) => `${((value / floor) * 100).toFixed(1)}%`;
export const times = (value: number, floor: number) => `${(value / floor).toFixed(2)}x`;
