// `npm run bench`: seeds a fresh PostgreSQL database, starts the production app, the sidecars and
// the floors on loopback ports, runs every scenario whose endpoints exist, and writes
// bench/results/latest.json and latest.md (--smoke: test-results/bench-smoke.*). See the README's Benchmarks.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { ensureBuild, startBareFloor, startRealtime, startWeb } from "./lib/app";
import { parseOptions, RESULTS_DIR, SCALE_TASKS, USAGE } from "./lib/config";
import { createBenchDatabase, dropBenchDatabase, migrateDatabase } from "./lib/database";
import { autocannon } from "./lib/load";
import { stopAll } from "./lib/processes";
import { formatSpan, loadMark, overloaded, setLoadLog, spanOf, spanSince } from "./lib/load-average";
import { machine, writeReport, type Skipped, type SmokeCheck } from "./lib/report";
import type { BenchContext, Row, Scenario } from "./lib/scenario";
import { makeCapture } from "./lib/capture";
import { seedDataset } from "./seed";
import { scenarios, searchScenario } from "./scenarios";

const started = new Date();
const log = (m: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`);

/** Whether a scenario's reason for not running is a legitimate absence (not yet built, no browser) rather than a fault. */
const absent = (reason: string) => reason.startsWith("not available yet") || reason.startsWith("no Chromium");

async function main(): Promise<number> {
  if (process.argv.includes("--help")) {
    console.log(USAGE);
    return 0;
  }
  const opts = parseOptions(process.argv.slice(2));
  setLoadLog(log);
  if (opts.smoke) log(`smoke: every scenario at ${opts.scale}, ${opts.seconds} s per side, ${opts.rounds} rounds; numbers only`);
  const captureDir = path.join(RESULTS_DIR, "captures");
  rmSync(captureDir, { recursive: true, force: true });
  for (const d of ["logs", "captures"]) mkdirSync(path.join(RESULTS_DIR, d), { recursive: true });
  // Memory (8) is sampled around the fan-out (5), so either name runs both.
  const wanted = (s: Scenario) => !opts.only || opts.only.includes(s.id) || (s.id === "fanout" && opts.only.includes("memory"));
  ensureBuild(opts.build, log);

  const db = await createBenchDatabase(opts.databaseUrl);
  log(`database ${db.name}; scale ${opts.scale}`);
  const rows: Row[] = [];
  const skipped: Skipped[] = [];
  const smoke: SmokeCheck = { passed: [], failed: [], absent: [] };
  const pool = new pg.Pool({ connectionString: db.url, max: 4 });
  try {
    await migrateDatabase(db.url);
    const env = {
      NODE_ENV: "production",
      DATABASE_URL: db.url,
      REDIS_URL: opts.redisUrl,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      BENCH_FLOOR: "true",
      // The limiter itself stays on (it is part of every request's cost); its ceiling is out of the way.
      RATE_LIMIT_PER_MINUTE: "1000000000",
      RATE_LIMIT_PER_IP_PER_MINUTE: "1000000000",
      DATA_DIR: path.join(RESULTS_DIR, "logs/data"),
      LOG_LEVEL: opts.logLevel,
    };
    const realtime = [await startRealtime("realtime-1", env), await startRealtime("realtime-2", env)].filter((r) => r !== null);
    const web = await startWeb({ ...env, REALTIME_URL: realtime[0]?.url ?? "http://127.0.0.1:9" }, captureDir);
    const bare = await startBareFloor({ DATABASE_URL: db.url, DATABASE_POOL_SIZE: "10" }, captureDir);
    log(`web ${web.url}, physical floor ${bare.url}, sidecars ${realtime.map((r) => r.url).join(", ") || "none yet"}`);

    const floors = new Map<number, Promise<{ rps: number; p50: number; p99: number }>>();
    const ctx = {
      opts,
      databaseUrl: db.url,
      pool,
      services: {
        appUrl: web.url,
        bareUrl: bare.url,
        realtimeUrls: realtime.map((r) => r.url),
        webPid: web.proc.child.pid!,
        realtimePids: realtime.map((r) => r.proc.child.pid!),
      },
      auth: {},
      authSecret: env.AUTH_SECRET,
      tasks: 0,
      capture: makeCapture(web.url, captureDir, () => ctx.auth),
      frameworkFloor: (c: number) => {
        if (!floors.has(c)) floors.set(c, autocannon({ url: `${web.url}/api/bench/floor`, connections: c, seconds: opts.seconds }));
        return floors.get(c)!;
      },
      rememberFrameworkFloor: (c: number, floor: { rps: number; p50: number; p99: number }) => {
        if (!floors.has(c)) floors.set(c, Promise.resolve(floor));
      },
      log,
    } as unknown as BenchContext;

    const runOne = async (s: Scenario, label = s.title) => {
      const reason = await s.available(ctx);
      if (reason) {
        log(`${label}: ${reason}`);
        skipped.push({ scenario: label, reason });
        (absent(reason) ? smoke.absent : smoke.failed).push({ scenario: label, reason });
        return;
      }
      log(`${label}…`);
      try {
        const mark = loadMark();
        const { value: got, load: whole } = await spanOf(() => s.run(ctx));
        // Rows the scenario did not date itself get the span of the whole scenario, with the highest load any of its measurements saw.
        const span = { ...whole, peak: Math.max(whole.peak, spanSince(mark)?.peak ?? 0) };
        for (const row of got) {
          row.load ??= span;
          row.loaded = overloaded(row.load);
        }
        rows.push(...got);
        const numbers = got.filter((row) => typeof row.value === "number" && Number.isFinite(row.value)).length;
        if (numbers > 0) smoke.passed.push(label);
        else smoke.failed.push({ scenario: label, reason: `produced no numbers (${got.length} rows)` });
        log(`${label}: ${numbers} figures; load ${formatSpan(span)}${overloaded(span) ? " (over the core count)" : ""}`);
      } catch (error) {
        log(`${label} failed: ${(error as Error).message}`);
        skipped.push({ scenario: label, reason: `failed: ${(error as Error).message.slice(0, 300)}` });
        smoke.failed.push({ scenario: label, reason: `failed: ${(error as Error).message.slice(0, 300)}` });
      }
    };

    await seedDataset(
      db.url,
      SCALE_TASKS[opts.scale],
      async (tasks, fixture) => {
        Object.assign(ctx, { tasks, fixture, auth: { authorization: `Bearer ${fixture.owner.token}` } });
        log(`data set: ${tasks} tasks`);
        if (wanted(searchScenario)) await runOne(searchScenario, `${searchScenario.title} (${tasks} tasks)`);
      },
      log,
    );
    for (const s of scenarios.filter(wanted)) await runOne(s);
  } finally {
    const report = {
      startedAt: started.toISOString(),
      finishedAt: new Date().toISOString(),
      scale: opts.scale,
      seconds: opts.seconds,
      rounds: opts.rounds,
      smoke: opts.smoke,
      machine: machine(),
      rows,
      skipped,
      ...(opts.smoke ? { smokeCheck: smoke } : {}),
    };
    const files = writeReport(report);
    log(`wrote ${files.json} and ${files.md}`);
    await stopAll();
    await pool.end();
    if (!opts.keepDatabase) await dropBenchDatabase(opts.databaseUrl, db.name);
    else log(`kept database ${db.url}`);
  }
  if (!opts.smoke) return 0;
  for (const f of smoke.failed) log(`smoke FAILED: ${f.scenario}: ${f.reason}`);
  for (const a of smoke.absent) log(`smoke skipped: ${a.scenario}: ${a.reason}`);
  log(`smoke took ${((Date.now() - started.getTime()) / 1000).toFixed(0)} s`);
  // The plain closing line CI reads: each available scenario is one check.
  console.log(`smoke: ${smoke.passed.length} passed, ${smoke.failed.length} failed, ${smoke.absent.length} skipped`);
  return smoke.failed.length ? 1 : 0;
}

// Whatever happens, no helper process is left behind.
process.once("uncaughtException", (error) => {
  console.error(error);
  void stopAll().then(() => process.exit(1));
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping`);
    void stopAll().then(() => process.exit(130));
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
