import { describe, expect, it } from "vitest";
import { parseOptions } from "./config";
import { interleave, medianSummary, pooled, roundSeconds } from "./interleave";
import { cores, loadMark, measured, spanSince } from "./load-average";
import type { LoadSummary } from "./load";
import { markdown, type Report } from "./report";
import type { BenchContext } from "./scenario";

const ctx = (seconds: number, rounds: number) =>
  ({ opts: parseOptions(["--seconds", String(seconds), "--rounds", String(rounds)]) }) as BenchContext;
const summary = (rps: number, p99: number): LoadSummary => ({
  rps,
  p50: p99 / 2,
  p90: p99,
  p99,
  max: p99 * 2,
  requests: 10,
  ok: 10,
  non2xx: 0,
  errors: 0,
  timeouts: 0,
});

describe("interleave", () => {
  it("runs the sides alternately, in the order given, once per round", async () => {
    const order: string[] = [];
    const result = await interleave(ctx(6, 3), {
      floor: async ({ round, seconds }) => (order.push(`floor${round}`), seconds),
      app: async ({ round }) => (order.push(`app${round}`), round * 10),
    });
    expect(order).toEqual(["floor0", "app0", "floor1", "app1", "floor2", "app2"]);
    expect(result.floor.runs).toEqual([2, 2, 2]);
    expect(result.app.runs).toEqual([0, 10, 20]);
    expect(result.app.load.peak).toBeGreaterThanOrEqual(0);
  });

  it("splits --seconds over the rounds in whole seconds, at least one", () => {
    expect(roundSeconds(ctx(10, 3))).toBe(3);
    expect(roundSeconds(ctx(2, 2))).toBe(1);
    expect(roundSeconds(ctx(1, 5))).toBe(1);
  });

  it("takes each figure's median over the rounds and sums the counts", () => {
    const m = medianSummary([summary(100, 30), summary(300, 10), summary(200, 20)]);
    expect(m).toMatchObject({ rps: 200, p99: 20, max: 60, requests: 30 });
  });

  it("pools sample lists per label", () => {
    const p = pooled([
      new Map([["a", [1, 2]]]),
      new Map([
        ["a", [3]],
        ["b", [4]],
      ]),
    ]);
    expect(Object.fromEntries(p)).toEqual({ a: [1, 2, 3], b: [4] });
  });

  it("records only the outer measurement when measurements nest", async () => {
    const mark = loadMark();
    await measured("outer", () => measured("inner", async () => 1));
    expect(spanSince(mark)).toBeDefined();
    expect(loadMark() - mark).toBe(1);
  });
});

describe("--smoke", () => {
  it("means 10k tasks, 2 s per side, 2 rounds", () => {
    expect(parseOptions(["--smoke"])).toMatchObject({ smoke: true, scale: "10k", seconds: 2, rounds: 2 });
    expect(parseOptions([])).toMatchObject({ smoke: false, seconds: 10, rounds: 3 });
    expect(() => parseOptions(["--smoke", "--scale", "1m"])).toThrow(/10k/);
  });
});

describe("the report", () => {
  it("prints the load beside each row and marks a row measured above the core count", () => {
    const report: Report = {
      startedAt: "a",
      finishedAt: "b",
      scale: "10k",
      seconds: 2,
      machine: { cpus: cores(), cpuModel: "x", node: "v", loadAverage: [1, 1, 1] },
      rows: [
        { scenario: "s", metric: "quiet", value: 1, unit: "ms", load: { before: 0.5, after: 0.7, peak: 0.7 }, loaded: false },
        { scenario: "s", metric: "busy", value: 2, unit: "ms", load: { before: 9, after: 8, peak: 9 }, loaded: true },
      ],
      skipped: [],
    };
    const md = markdown(report);
    expect(md).toContain("| quiet | 1 ms | – | – | – | – | 0.50 → 0.70 |");
    expect(md).toContain(`**9.00 → 8.00 (over ${cores()} cores)**`);
    expect(md).toContain(`1 of 2 rows were measured while the 1-minute load average exceeded the ${cores()} cores`);
  });
});
