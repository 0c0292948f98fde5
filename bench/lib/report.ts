import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { RESULTS_DIR, SMOKE_DIR } from "./config";
import { formatSpan } from "./load-average";
import type { Row } from "./scenario";

export type Skipped = { scenario: string; reason: string };
/** --smoke: which scenarios produced numbers, which should have and did not, which are legitimately absent. */
export type SmokeCheck = { passed: string[]; failed: Skipped[]; absent: Skipped[] };
export type Report = {
  startedAt: string;
  finishedAt: string;
  scale: string;
  seconds: number;
  rounds?: number;
  smoke?: boolean;
  machine: Record<string, unknown>;
  rows: Row[];
  skipped: Skipped[];
  smokeCheck?: SmokeCheck;
};

export function machine(): Record<string, unknown> {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

const fmt = (v: number | null | undefined, unit = "") =>
  v === null || v === undefined || Number.isNaN(v)
    ? "–"
    : `${Number.isInteger(v) ? v : v.toFixed(v >= 100 ? 0 : v >= 10 ? 1 : 2)}${unit ? ` ${unit}` : ""}`;

function loadCell(row: Row, cores: number): string {
  if (!row.load) return "–";
  return row.loaded ? `**${formatSpan(row.load)} (over ${cores} cores)**` : formatSpan(row.load);
}

export function markdown(r: Report): string {
  const cores = Number(r.machine.cpus);
  const loaded = r.rows.filter((row) => row.loaded).length;
  const lines = [
    `${r.smoke ? "Smoke run (numbers only, not for comparison)" : "Benchmark run"} ${r.startedAt} → ${r.finishedAt}, scale ${r.scale}, ${r.seconds} s per side of a measurement${r.rounds ? ` in ${r.rounds} interleaved rounds where a scenario pairs floor and app` : ""}; ${cores} cores (${String(r.machine.cpuModel)}), Node ${String(r.machine.node)}, load average at the end ${(r.machine.loadAverage as number[]).join(" / ")}.`,
    "",
    loaded
      ? `**${loaded} of ${r.rows.length} rows were measured while the 1-minute load average exceeded the ${cores} cores** (marked in the load column): their figures include other work on the machine.`
      : `No row was measured while the 1-minute load average exceeded the ${cores} cores.`,
    "",
    "| scenario | metric | value | floor values | ratio | target | met? | load before → after |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const row of r.rows) {
    const floors =
      Object.entries(row.floors ?? {})
        .map(([k, v]) => `${k}: ${fmt(v, row.unit)}`)
        .join("; ") || "–";
    const met = row.met === undefined || row.met === null ? "–" : row.met ? "yes" : "**no**";
    lines.push(
      `| ${row.scenario} | ${row.metric} | ${fmt(row.value, row.unit)} | ${floors} | ${row.ratio ?? "–"} | ${row.target ?? "–"} | ${met} | ${loadCell(row, cores)} |`,
    );
  }
  const notes = r.rows.filter((row) => row.note).map((row) => `- ${row.scenario}, ${row.metric}: ${row.note}`);
  if (notes.length) lines.push("", "Notes:", ...notes);
  const missed = r.rows.filter((row) => row.met === false);
  if (missed.length)
    lines.push(
      "",
      "Targets missed, and why:",
      ...missed.map(
        (row) =>
          `- ${row.scenario}, ${row.metric} (${fmt(row.value, row.unit)}; target ${row.target}): ${row.why ?? "see the floors beside it"}`,
      ),
    );
  if (r.skipped.length) lines.push("", "Not measured:", ...r.skipped.map((s) => `- ${s.scenario}: ${s.reason}`));
  if (r.smokeCheck) {
    const c = r.smokeCheck;
    lines.push("", `Smoke check: ${c.passed.length} passed, ${c.failed.length} failed, ${c.absent.length} not available.`);
    lines.push(...c.failed.map((f) => `- FAILED ${f.scenario}: ${f.reason}`));
  }
  return lines.join("\n") + "\n";
}

/** A full run writes bench/results/latest.*; a smoke run test-results/bench-smoke.* (gitignored). */
export function writeReport(r: Report): { json: string; md: string } {
  const dir = r.smoke ? SMOKE_DIR : RESULTS_DIR;
  const name = r.smoke ? "bench-smoke" : "latest";
  mkdirSync(dir, { recursive: true });
  const json = path.join(dir, `${name}.json`);
  const md = path.join(dir, `${name}.md`);
  writeFileSync(json, JSON.stringify(r, null, 2));
  writeFileSync(md, markdown(r));
  return { json, md };
}
