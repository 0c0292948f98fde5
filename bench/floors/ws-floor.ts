// Memory floor: a plain `ws` server holding connections and nothing else.
// GET /bench/memory: the heap it retains after a full collection (as the sidecar answers it).
import http from "node:http";
import v8 from "node:v8";
import vm from "node:vm";
import { WebSocketServer } from "ws";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

const port = Number(process.argv[2]);
const server = http.createServer((req, res) => {
  if (req.url !== "/bench/memory") return void res.end("ok");
  gc();
  const m = process.memoryUsage();
  res.end(JSON.stringify({ rss: m.rss, heapUsed: m.heapUsed, external: m.external }));
});
const wss = new WebSocketServer({ server });
wss.on("connection", (ws) => ws.on("error", () => undefined));
server.listen(port, "127.0.0.1");
process.once("SIGTERM", () => wss.close(() => server.close()));
