/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload (node --require) */
// Preloaded into the app (node --require) by the benchmark, never in production. For a request
// carrying `x-bench-capture: <name>`, records every SQL statement it runs (text, values, which
// connection, start and end) to BENCH_CAPTURE_DIR/<name>.json, so the physical floor can run
// exactly the same SQL through pg.
const { AsyncLocalStorage } = require("node:async_hooks");
const { renameSync, writeFileSync } = require("node:fs");
const http = require("node:http");
const path = require("node:path");
const { performance } = require("node:perf_hooks");

const dir = process.env.BENCH_CAPTURE_DIR;
if (dir) {
  const als = new AsyncLocalStorage();
  const pg = require(require.resolve("pg", { paths: [process.cwd()] }));
  const clientIds = new WeakMap();
  let nextClientId = 1;

  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, req, res) {
    const name = event === "request" ? req.headers["x-bench-capture"] : undefined;
    if (typeof name !== "string" || !/^[\w.-]+$/.test(name)) return emit.apply(this, arguments);
    const store = { statements: [] };
    res.once("finish", () => {
      // Written aside and renamed, so a reader never sees half a file.
      const file = path.join(dir, `${name}.json`);
      writeFileSync(`${file}.tmp`, JSON.stringify({ status: res.statusCode, statements: store.statements }));
      renameSync(`${file}.tmp`, file);
    });
    return als.run(store, () => emit.apply(this, arguments));
  };

  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (config, values) {
    const store = als.getStore();
    const text = typeof config === "string" ? config : config && config.text;
    if (!store || typeof text !== "string") return query.apply(this, arguments);
    if (!clientIds.has(this)) clientIds.set(this, nextClientId++);
    const entry = {
      client: clientIds.get(this),
      text,
      values: Array.isArray(values) ? values : (config && config.values) || [],
      rowMode: (config && config.rowMode) || undefined,
      // The connection's startup options (the counters pool commits without waiting for the disk).
      options: (this.connectionParameters && this.connectionParameters.options) || undefined,
      start: performance.now(),
    };
    store.statements.push(entry);
    const done = (result) => {
      entry.end = performance.now();
      if (result && /^\s*(insert|update|delete)\b/i.test(text) && result.fields) {
        entry.fields = result.fields.map((f) => f.name);
        entry.rows = (result.rows || []).slice(0, 10);
      }
    };
    const args = [...arguments];
    const cbIndex = args.findIndex((a) => typeof a === "function");
    if (cbIndex >= 0) {
      const cb = args[cbIndex];
      args[cbIndex] = function (err, result) {
        done(result);
        return cb.apply(this, arguments);
      };
      return query.apply(this, args);
    }
    const out = query.apply(this, args);
    if (out && typeof out.then === "function") out.then(done, () => done(undefined));
    return out;
  };
}
