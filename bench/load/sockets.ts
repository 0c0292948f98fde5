// Child process: holds many live connections and timestamps every marked event they receive.
// stdout: {"ready":n,"failed":m} once connected, then on "stop" (stdin) {"receipts":[[k, ms], …]}.
import { createInterface } from "node:readline";
import { performance } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import WebSocket from "ws";

export type SocketsSpec = { kind: "socket.io" | "ws"; url: string; token?: string; projectId?: string; count: number; event?: string };

const spec = JSON.parse(Buffer.from(process.argv[2]!, "base64url").toString()) as SocketsSpec;
const receipts: [number, number][] = [];
const now = () => performance.timeOrigin + performance.now();
const MARK = /bench-fanout-(\d+)/;
// The clock is read first and the marker looked up in the title, not in the whole payload turned back
// into JSON: at 1,000 receipts per change the client's own work would otherwise show up as latency.
const record = (body: unknown) => {
  const at = now();
  const title = (body as { data?: { title?: unknown; task?: { title?: unknown } } } | null)?.data;
  const text = typeof body === "string" ? body : (title?.title ?? title?.task?.title);
  const m = MARK.exec(typeof text === "string" ? text : JSON.stringify(body));
  if (m) receipts.push([Number(m[1]), at]);
};

function openSocketIo(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = io(spec.url, {
      auth: { token: spec.token },
      transports: ["websocket"],
      forceNew: true,
      reconnection: false,
      timeout: 20_000,
    });
    s.on(spec.event ?? "task.updated", record);
    s.once("connect_error", reject);
    s.once("connect", () => {
      s.timeout(20_000).emit("subscribe", { projectId: spec.projectId }, (err: Error | null, ack: { ok: boolean; error?: string }) => {
        if (err || !ack?.ok) reject(err ?? new Error(`subscribe refused: ${ack?.error}`));
        else resolve(s);
      });
    });
  });
}

function openWs(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const s = new WebSocket(spec.url);
    s.on("message", (d) => record(d.toString()));
    s.once("error", reject);
    s.once("open", () => resolve(s));
  });
}

const open: (() => Promise<Socket | WebSocket>)[] = Array.from({ length: spec.count }, () => (spec.kind === "ws" ? openWs : openSocketIo));
const sockets: (Socket | WebSocket)[] = [];
let failed = 0;
for (let i = 0; i < open.length; i += 50) {
  const batch = await Promise.allSettled(open.slice(i, i + 50).map((f) => f()));
  for (const r of batch) {
    if (r.status === "fulfilled") sockets.push(r.value);
    else failed++;
  }
}
console.log(JSON.stringify({ ready: sockets.length, failed }));

createInterface({ input: process.stdin }).on("line", (line) => {
  if (line.trim() !== "stop") return;
  for (const s of sockets) {
    if (s instanceof WebSocket) s.terminate();
    else s.disconnect();
  }
  // Exit only once the (large) line has reached the pipe.
  process.stdout.write(JSON.stringify({ receipts }) + "\n", () => process.exit(0));
});
