// Child process: one bounded autocannon run; prints its summary as JSON on the last line.
import autocannon from "autocannon";

export type LoadSpec = {
  url: string;
  connections: number;
  seconds: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  paths?: string[]; // cycled through in order by every connection
};

export type LoadSummary = {
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
};

const spec = JSON.parse(Buffer.from(process.argv[2]!, "base64url").toString()) as LoadSpec;
const result = await autocannon({
  url: spec.url,
  connections: spec.connections,
  duration: spec.seconds,
  method: (spec.method ?? "GET") as autocannon.Request["method"],
  headers: spec.headers,
  body: spec.body,
  requests: spec.paths?.map((p) => ({ path: p })),
  timeout: 10,
});
const summary: LoadSummary = {
  rps: result.requests.average,
  p50: result.latency.p50,
  p90: result.latency.p90,
  p99: result.latency.p99,
  max: result.latency.max,
  requests: result.requests.total,
  ok: result["2xx"],
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
};
console.log(JSON.stringify(summary));
