// The physical floor: a bare node:http server running the app's own SQL (captured from the app
// by capture-sql.cjs into the folder argv[3]) through pg, with the app's pool size. Started by bench/run.ts.
import { readFileSync } from "node:fs";
import path from "node:path";
import http from "node:http";
import pg from "pg";
import { replay, type Capture } from "./replay";

const port = Number(process.argv[2]);
const captureDir = process.argv[3]!;
const captures = new Map<string, Capture>();
const load = (name: string): Capture | undefined => {
  if (!captures.has(name)) {
    try {
      captures.set(name, JSON.parse(readFileSync(path.join(captureDir, `${name}.json`), "utf8")) as Capture);
    } catch {
      return undefined;
    }
  }
  return captures.get(name);
};
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
// As the app does: a pool per set of startup options (its counters pool commits without waiting for the disk).
const pools = new Map<string, pg.Pool>();
const poolWith = (options: string) => {
  if (!pools.has(options)) pools.set(options, new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 3, options }));
  return pools.get(options)!;
};
const HELLO = JSON.stringify({ ok: true, floor: "node-http" });

const server = http.createServer((req, res) => {
  const url = req.url ?? "/";
  if (url === "/hello") {
    res.writeHead(200, { "content-type": "application/json" }).end(HELLO);
    return;
  }
  const name = /^\/replay\/([\w.-]+)/.exec(url)?.[1];
  const capture = name ? load(name) : undefined;
  if (!capture) {
    res.writeHead(404).end();
    return;
  }
  req.resume();
  req.once("end", () => {
    replay(pool, capture.statements, poolWith).then(
      (rows) => res.writeHead(capture.status, { "content-type": "application/json" }).end(JSON.stringify(rows)),
      (error: unknown) => res.writeHead(500, { "content-type": "text/plain" }).end(String(error)),
    );
  });
});
server.keepAliveTimeout = 60_000;
server.listen(port, "127.0.0.1");
process.once("SIGTERM", () => {
  server.close();
  void pool.end();
  for (const p of pools.values()) void p.end();
});
