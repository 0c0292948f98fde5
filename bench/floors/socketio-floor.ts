// Realtime floor: one Socket.IO server, no adapter, broadcasting in process to a room.
// POST /emit?k=<n> broadcasts one marked event; `subscribe` joins the room and acks like the sidecar.
// GET /bench/memory: the heap it retains after a full collection (as the sidecar answers it), so
// Socket.IO's own cost per socket stands beside the sidecar's and a plain ws server's.
import http from "node:http";
import v8 from "node:v8";
import vm from "node:vm";
import { Server } from "socket.io";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

const port = Number(process.argv[2]);
const server = http.createServer();
const io = new Server(server, { serveClient: false });
io.on("connection", (socket) => {
  socket.on("subscribe", (payload: { projectId?: string }, ack?: (r: unknown) => void) => {
    void socket.join(`project:${payload?.projectId}`);
    ack?.({ ok: true });
  });
});
server.on("request", (req, res) => {
  const url = new URL(req.url ?? "/", "http://x");
  if (url.pathname === "/hello") return void res.end("ok");
  if (url.pathname === "/bench/memory") {
    gc();
    const m = process.memoryUsage();
    return void res.end(JSON.stringify({ rss: m.rss, heapUsed: m.heapUsed, external: m.external }));
  }
  if (url.pathname !== "/emit") return;
  const k = url.searchParams.get("k");
  io.to(`project:${url.searchParams.get("projectId")}`).emit("task.updated", {
    id: Number(k),
    type: "task.updated",
    data: { title: `bench-fanout-${k}` },
  });
  res.end("ok");
});
server.listen(port, "127.0.0.1");
process.once("SIGTERM", () => void io.close());
