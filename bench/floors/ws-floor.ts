// Memory floor: a plain `ws` server holding connections and nothing else.
import http from "node:http";
import { WebSocketServer } from "ws";

const port = Number(process.argv[2]);
const server = http.createServer((_req, res) => res.end("ok"));
const wss = new WebSocketServer({ server });
wss.on("connection", (ws) => ws.on("error", () => undefined));
server.listen(port, "127.0.0.1");
process.once("SIGTERM", () => wss.close(() => server.close()));
