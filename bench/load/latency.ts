// Child process: sequential requests (one connection), for percentiles that autocannon does not report (p95).
import { performance } from "node:perf_hooks";

export type LatencySpec = {
  targets: { label: string; url: string; headers?: Record<string, string> }[];
  iterations: number;
  seconds: number;
  warmup: number;
};
export type LatencyResult = { label: string; samples: number[]; failures: number; status: number };

const spec = JSON.parse(Buffer.from(process.argv[2]!, "base64url").toString()) as LatencySpec;
const out: LatencyResult[] = [];
for (const t of spec.targets) {
  const samples: number[] = [];
  let failures = 0;
  let status = 0;
  const deadline = performance.now() + spec.seconds * 1000;
  // Bounded in time, but a slow target still gets a few samples.
  for (let i = 0; i < spec.warmup + spec.iterations && (performance.now() < deadline || samples.length < 3); i++) {
    const started = performance.now();
    const res = await fetch(t.url, { headers: t.headers });
    await res.arrayBuffer();
    const ms = performance.now() - started;
    status = res.status;
    if (!res.ok) failures++;
    else if (i >= spec.warmup) samples.push(ms);
  }
  out.push({ label: t.label, samples, failures, status });
}
console.log(JSON.stringify(out));
