// The web image's server.js: Next's standalone server (renamed next-server.js by build.sh) with a
// drain that ends in exit code 0. Next's own SIGTERM handler closes the server too, but exits 143;
// here SIGTERM stops accepting connections, lets requests in flight finish, stops the background
// work and closes the database and Redis pools (startup/web.ts sets __tasklaneDrain), then exits 0.
import http from "node:http";

const GRACE_MS = Number(process.env.SHUTDOWN_GRACE_MS ?? 25_000);
process.env.NEXT_MANUAL_SIG_HANDLE = "true";

// Next creates its server through node:http (the same module object for require and import).
const servers = [];
const createServer = http.createServer;
http.createServer = function (...args) {
  const server = createServer.apply(this, args);
  servers.push(server);
  return server;
};

const log = (fields) => console.log(JSON.stringify({ level: 30, time: Date.now(), service: "tasklane", ...fields }));
let draining = false;
function drain(signal) {
  if (draining) return;
  draining = true;
  log({ signal, msg: "web draining" });
  setTimeout(() => process.exit(1), GRACE_MS).unref();
  // close(): no new connections; idle keep-alive sockets go now, busy ones once their response is sent.
  const closed = servers.map((s) => new Promise((resolve) => s.close(() => resolve())));
  const idle = setInterval(() => servers.forEach((s) => s.closeIdleConnections()), 100);
  Promise.all(closed)
    .then(() => clearInterval(idle))
    .then(() => globalThis.__tasklaneDrain?.())
    .then(
      () => {
        log({ msg: "web drained" });
        process.exit(0);
      },
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
}
process.on("SIGTERM", () => drain("SIGTERM"));
process.on("SIGINT", () => drain("SIGINT"));

await import("./next-server.js");
