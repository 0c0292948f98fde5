// Every metric a dashboard, alarm or agent configuration names must be one the processes export: declared in
// server/metrics.ts or among prom-client's default metrics (listed by asking prom-client itself).
import { readFileSync } from "node:fs";
import { Registry, collectDefaultMetrics } from "prom-client";

export async function exportedMetricNames(metricsSource: string): Promise<Set<string>> {
  const names = new Set([...readFileSync(metricsSource, "utf8").matchAll(/name:\s*"([a-z_:][a-z0-9_:]*)"/g)].map((m) => m[1]!));
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  for (const m of await registry.getMetricsAsJSON()) names.add(m.name);
  return names;
}

// Histogram and counter series carry suffixes of the family's name.
const family = (series: string) => series.replace(/_(bucket|sum|count)$/, "");

export async function observabilityProblems(metricsSource: string, files: string[]): Promise<string[]> {
  const exported = await exportedMetricNames(metricsSource);
  const problems: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const named = new Set([...[...text.matchAll(/\b((?:http|tasklane|process|nodejs)_[a-z0-9_]+)/g)].map((m) => m[1]!)]);
    if (named.size === 0) problems.push(`${file}: names no application metric`);
    for (const n of named)
      if (!exported.has(n) && !exported.has(family(n))) problems.push(`${file}: metric ${n} is not exported by any process`);
  }
  return problems;
}
