import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { RESULTS_DIR } from "./config";
import type { Row } from "./scenario";

export type Skipped = { scenario: string; reason: string };
export type Report = {
  startedAt: string;
  finishedAt: string;
  scale: string;
  seconds: number;
  machine: Record<string, unknown>;
  rows: Row[];
  skipped: Skipped[];
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

export function markdown(r: Report): string {
  const lines = [
    `Benchmark run ${r.startedAt} → ${r.finishedAt}, scale ${r.scale}, ${r.seconds} s per load measurement; ${String(r.machine.cpus)} cores (${String(r.machine.cpuModel)}), Node ${String(r.machine.node)}, load average at the end ${(r.machine.loadAverage as number[]).join(" / ")}.`,
    "",
    "| scenario | metric | value | floor values | ratio | target | met? |",
    "| --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const row of r.rows) {
    const floors =
      Object.entries(row.floors ?? {})
        .map(([k, v]) => `${k}: ${fmt(v, row.unit)}`)
        .join("; ") || "–";
    const met = row.met === undefined || row.met === null ? "–" : row.met ? "yes" : "**no**";
    lines.push(
      `| ${row.scenario} | ${row.metric} | ${fmt(row.value, row.unit)} | ${floors} | ${row.ratio ?? "–"} | ${row.target ?? "–"} | ${met} |`,
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
  return lines.join("\n") + "\n";
}

export function writeReport(r: Report): { json: string; md: string } {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const json = path.join(RESULTS_DIR, "latest.json");
  const md = path.join(RESULTS_DIR, "latest.md");
  writeFileSync(json, JSON.stringify(r, null, 2));
  writeFileSync(md, markdown(r));
  return { json, md };
}
