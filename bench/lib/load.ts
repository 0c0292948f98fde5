import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT } from "./config";
import { measured } from "./load-average";
import type { LoadSpec, LoadSummary } from "../load/autocannon";
import type { LatencyResult, LatencySpec } from "../load/latency";

export type { LoadSummary } from "../load/autocannon";

/** What a load script measures, for the log line beside its load average. */
function describe(script: string, spec: unknown): string {
  const s = spec as { url?: string; method?: string; connections?: number; targets?: unknown[]; paths?: unknown[] };
  const http = s.url?.startsWith("http");
  const where = s.url ? (http ? ` ${s.method ?? "GET"} ${s.url.replace(/^[a-z]+:\/\/[^/]+/, "") || "/"}` : ` ${s.url}`) : "";
  const paths = s.paths ? ` (${s.paths.length} paths)` : "";
  const conns = s.connections ? `, ${s.connections} conn` : "";
  const targets = s.targets ? ` ${s.targets.length} targets` : "";
  return `${script.replace(/\.ts$/, "")}${where}${paths}${conns}${targets}`;
}

/** Runs a bench/load script in its own Node process (load never shares a process with a server); logs the load average around it. */
export function runChild<T>(script: string, spec: unknown, timeoutMs: number): Promise<T> {
  return measured(describe(script, spec), () => spawnChild<T>(script, spec, timeoutMs));
}

function spawnChild<T>(script: string, spec: unknown, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const arg = Buffer.from(JSON.stringify(spec)).toString("base64url");
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "bench/load", script), arg], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      const last = stdout.trim().split("\n").pop() ?? "";
      try {
        if (code !== 0) throw new Error(`exit ${code}`);
        resolve(JSON.parse(last) as T);
      } catch (error) {
        reject(new Error(`${script} failed (${String(error)}): ${stderr.slice(-2000)}`));
      }
    });
  });
}

export async function autocannon(spec: LoadSpec): Promise<LoadSummary> {
  const summary = await runChild<LoadSummary>("autocannon.ts", spec, (spec.seconds + 30) * 1000);
  if (summary.ok === 0 || summary.ok < summary.requests * 0.99) {
    throw new Error(
      `${spec.method ?? "GET"} ${spec.url}: only ${summary.ok} of ${summary.requests} answers were 2xx (${summary.errors} errors, ${summary.timeouts} timeouts)`,
    );
  }
  return summary;
}

export function sequentialLatency(spec: LatencySpec): Promise<LatencyResult[]> {
  return runChild<LatencyResult[]>("latency.ts", spec, (spec.seconds * spec.targets.length + 60) * 1000);
}
