// Child process: raw Redis pub/sub round trips (publish, then wait for our own subscriber to receive it).
import { performance } from "node:perf_hooks";
import { Redis } from "ioredis";

const { url, count } = JSON.parse(Buffer.from(process.argv[2]!, "base64url").toString()) as { url: string; count: number };
const sub = new Redis(url);
const pub = new Redis(url);
const channel = `bench:rtt:${process.pid}`;
await sub.subscribe(channel);
const samples: number[] = [];
let waiting: (() => void) | undefined;
sub.on("message", () => waiting?.());
for (let i = 0; i < count; i++) {
  const started = performance.now();
  const got = new Promise<void>((r) => (waiting = r));
  await pub.publish(channel, JSON.stringify({ i, padding: "x".repeat(600) }));
  await got;
  samples.push(performance.now() - started);
}
sub.disconnect();
pub.disconnect();
console.log(JSON.stringify(samples));
