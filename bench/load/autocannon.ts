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
  /** Instead of paths: requests with their own bodies; connection k starts at k/connections of the list. */
  requests?: { path: string; body?: string }[];
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

/** Each connection cycles the list from its own offset, so they write to different rows. */
function spread(requests: { path: string; body?: string }[]) {
  let next = 0;
  return (client: { setRequests(r: unknown[]): void }) => {
    const start = Math.floor(((next++ % spec.connections) * requests.length) / spec.connections);
    client.setRequests([...requests.slice(start), ...requests.slice(0, start)]);
  };
}

const spec = JSON.parse(Buffer.from(process.argv[2]!, "base64url").toString()) as LoadSpec;
const result = await autocannon({
  url: spec.url,
  connections: spec.connections,
  duration: spec.seconds,
  method: (spec.method ?? "GET") as autocannon.Request["method"],
  headers: spec.headers,
  body: spec.body,
  requests: spec.requests ?? spec.paths?.map((p) => ({ path: p })),
  setupClient: spec.requests ? spread(spec.requests) : undefined,
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
