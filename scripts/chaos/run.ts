// `npm run chaos`: an outage drill. Starts its own redis-server and PostgreSQL on free loopback ports, the
// production build (2 web instances with workers, as bench starts them) and 2 realtime sidecars, puts the API
// under steady load with 200 sockets subscribed to one project, then stops Redis for 10 s, stops PostgreSQL
// for 10 s and SIGKILLs a sidecar. Prints a table and exits 1 when a rule of the README's
// "What happens during an outage" was broken. Options: --no-build, --web 1|2, --sockets N, --outage-seconds S.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { ensureBuild } from "../../bench/lib/app";
import { ROOT, SMOKE_DIR } from "../../bench/lib/config";
import { setLogDir } from "../../bench/lib/processes";
import { openFleet, type Fleet } from "./fleet";
import { SteadyLoad } from "./load";
import {
  delivery,
  deliveryTable,
  failsFast,
  keepsAnswering,
  latencyLimit,
  printChecks,
  readySaysNo,
  requestTable,
  within,
  type Check,
  type Phase,
} from "./report";
import { startStack, stopStack } from "./stack";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const opts = {
  build: !process.argv.includes("--no-build"),
  webs: arg("--web", 2),
  sockets: arg("--sockets", 200),
  outageMs: arg("--outage-seconds", 10) * 1000,
};
const OUT = path.join(SMOKE_DIR, "chaos");
const origin = performance.now();
const t = () => performance.now() - origin;
const log = (m: string) => console.log(`[chaos ${(t() / 1000).toFixed(1).padStart(6)} s] ${m}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls check until it holds; the time it took (ms since `from`), or Infinity after timeoutMs. */
async function until(check: () => Promise<boolean> | boolean, from: number, timeoutMs: number): Promise<number> {
  const deadline = t() + timeoutMs;
  while (t() < deadline) {
    if (
      await Promise.resolve()
        .then(check)
        .catch(() => false)
    )
      return t() - from;
    await sleep(100);
  }
  return Infinity;
}

let fleet: Fleet | undefined;
async function cleanup(): Promise<void> {
  fleet?.kill();
  await stopStack(log);
}

async function main(): Promise<number> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(path.join(OUT, "logs"), { recursive: true });
  setLogDir(path.join(OUT, "logs"));
  ensureBuild(opts.build, log);
  const { redis, postgres, webs, sidecars, token, project } = await startStack({ webs: opts.webs, out: OUT }, log);
  const [side1, side2] = sidecars;
  const db = new pg.Pool({ connectionString: postgres.url, max: 2, connectionTimeoutMillis: 2000 });
  db.on("error", () => undefined);
  // Public event ids are seq, given by the sequencer once a row has committed: the highest after every
  // row visible now has one (the load may still be writing more).
  const maxEventId = async () => {
    const { rows } = await db.query<{ id: string }>("select coalesce(max(id), 0) as id from events where project_id = $1", [project.id]);
    for (let i = 0; i < 300; i++) {
      const numbered = await db.query<{ seq: string; pending: string }>(
        "select coalesce(max(seq), 0) as seq, count(*) filter (where seq is null) as pending from events where project_id = $1 and id <= $2",
        [project.id, rows[0]!.id],
      );
      if (Number(numbered.rows[0]!.pending) === 0) return Number(numbered.rows[0]!.seq);
      await sleep(100);
    }
    throw new Error("outbox rows were left without a seq for 30 s: no sequencer ran");
  };
  const since = await maxEventId();
  fleet = await openFleet({ urls: [side1!.url, side2!.url], count: opts.sockets, token, projectId: project.id, since }, ROOT);
  log(`${fleet.ready} sockets subscribed (${fleet.failed} failed) across both sidecars`);
  // Every socket has every event committed up to `target` (a snapshot: under load the newest is always in flight).
  let lastStatus: unknown;
  const caughtUp = (target: number) => async () => {
    const status = await fleet!.status();
    lastStatus = { target, ...status };
    return status.minLast >= target;
  };
  const explain = (ms: number) => (Number.isFinite(ms) ? "" : log(`not caught up: ${JSON.stringify(lastStatus)}`));

  const load = new SteadyLoad(
    webs.map((w) => w.url),
    token,
    project.id,
    origin,
  );
  const phases: Phase[] = [];
  const recovery: Record<string, string> = {};
  const checks: Check[] = [
    {
      rule: `all ${opts.sockets} sockets subscribed`,
      ok: fleet.ready === opts.sockets,
      detail: `${fleet.ready} ready, ${fleet.failed} failed`,
    },
  ];
  let current = { name: "steady load", from: t() };
  const enter = (name: string) => {
    phases.push({ ...current, to: t() });
    current = { name, from: t() };
    log(name);
  };
  load.start();
  log("steady load");
  await sleep(5000);

  // 1. Redis away.
  enter("Redis down");
  await redis.stop();
  await sleep(opts.outageMs);
  await redis.start();
  const redisUp = t();
  enter("Redis back");
  const sidecarsBack = await until(
    async () => (await Promise.all([side1!, side2!].map((s) => fetch(`${s.url}/ready`)))).every((r) => r.ok),
    redisUp,
    30_000,
  );
  const redisDelivered = await until(caughtUp(await maxEventId()), redisUp, 30_000);
  explain(redisDelivered);
  recovery["Redis back"] = `sidecars ready ${Math.round(sidecarsBack)} ms; every socket caught up ${Math.round(redisDelivered)} ms`;
  checks.push({
    rule: "Redis back: both sidecars reconnect on their own",
    ok: sidecarsBack < 30_000,
    detail: `${Math.round(sidecarsBack)} ms after redis-server started`,
  });
  checks.push({
    rule: "Redis back: events committed during the outage reach every socket",
    ok: redisDelivered < 30_000,
    detail: `${Math.round(redisDelivered)} ms after redis-server started`,
  });
  await sleep(Math.max(0, 5000 - (t() - redisUp)));

  // 2. PostgreSQL away.
  enter("PostgreSQL down");
  await postgres.stop();
  const stoppedAt = t(); // a fast shutdown checkpoints first: /api/ready may rightly say 200 until here
  await sleep(opts.outageMs);
  const pgDown = { name: current.name, from: stoppedAt, to: t() };
  await postgres.start();
  const pgUp = t();
  enter("PostgreSQL back");
  const firstWrite = (web: number) =>
    load.samples.find((s) => s.web === web && s.at >= pgUp && s.op !== "read" && s.status >= 200 && s.status < 300);
  const firstReady = (web: number) => load.ready.find((r) => r.web === web && r.at >= pgUp && r.status === 200);
  const poolBack = await until(() => webs.every((_, w) => firstWrite(w)), pgUp, 30_000);
  const readyBack = await until(() => webs.every((_, w) => firstReady(w)), pgUp, 30_000);
  const dispatchBack = await until(caughtUp(await maxEventId()), pgUp, 30_000);
  explain(dispatchBack);
  const writesAt = Math.max(...webs.map((_, w) => (firstWrite(w) ? firstWrite(w)!.at + firstWrite(w)!.ms - pgUp : Infinity)));
  recovery["PostgreSQL back"] =
    `writes ${Math.round(writesAt)} ms; /api/ready ${Math.round(readyBack)} ms; sockets caught up ${Math.round(dispatchBack)} ms`;
  checks.push({
    rule: "PostgreSQL back: every instance's pool serves writes within 5 s",
    ok: poolBack <= 5000 && writesAt <= 5000,
    detail: `first acknowledged write on every instance ${Math.round(writesAt)} ms after the restart`,
  });
  checks.push({
    rule: "PostgreSQL back: /api/ready is 200 again within 5 s",
    ok: readyBack <= 5000,
    detail: `${Math.round(readyBack)} ms`,
  });
  checks.push({
    rule: "PostgreSQL back: the dispatcher delivers again within 5 s",
    ok: dispatchBack <= 5000,
    detail: `every socket had every committed event ${Math.round(dispatchBack)} ms after the restart`,
  });
  await sleep(Math.max(0, 5000 - (t() - pgUp)));

  // 3. A sidecar lost.
  enter("sidecar SIGKILLed");
  const killedAt = t();
  process.kill(-side1!.proc.child.pid!, "SIGKILL");
  // Every socket off the lost sidecar (noticed, not just not yet noticed) and subscribed again.
  const reconnected = await until(
    async () => {
      const status = await fleet!.status();
      return status.livePerUrl[0] === 0 && status.connected === fleet!.ready;
    },
    killedAt,
    90_000,
  );
  const replayed = await until(caughtUp(await maxEventId()), killedAt, 30_000);
  explain(replayed);
  recovery["sidecar SIGKILLed"] = `all sockets on the other ${Math.round(reconnected)} ms; caught up ${Math.round(replayed)} ms`;
  checks.push({
    rule: "sidecar lost: its clients reconnect to the other and replay what they missed",
    ok: Number.isFinite(reconnected) && Number.isFinite(replayed),
    detail: recovery["sidecar SIGKILLed"],
  });
  await sleep(3000);

  enter("drain");
  await load.stop();
  const drained = await until(caughtUp(await maxEventId()), t(), 30_000);
  explain(drained);
  await sleep(1500); // a late duplicate would show here
  phases.push({ ...current, to: t() });
  recovery.drain = `caught up ${Math.round(drained)} ms after the load stopped`;

  const sockets = await fleet.collect();
  fleet = undefined;
  const expected = (
    await db.query<{ id: string }>("select seq as id from events where project_id = $1 and seq > $2 order by seq", [project.id, since])
  ).rows.map((r) => Number(r.id));
  const d = delivery(expected, sockets);
  const stored = Number(
    (await db.query<{ n: string }>("select count(*) as n from tasks where id = any($1::uuid[])", [load.created])).rows[0]!.n,
  );
  await db.end();

  const phase = (name: string) => phases.find((p) => p.name === name)!;
  const { limitMs, note } = latencyLimit(["steady load", "sidecar SIGKILLed"].flatMap((name) => within(load.samples, phase(name))));
  checks.push(...keepsAnswering("Redis down", within(load.samples, phase("Redis down")), limitMs));
  checks.push(...keepsAnswering("Redis back", within(load.samples, phase("Redis back")), limitMs));
  checks.push(...failsFast("PostgreSQL down", within(load.samples, phase("PostgreSQL down")), true, limitMs));
  checks.push(...failsFast("PostgreSQL back", within(load.samples, phase("PostgreSQL back")), false, limitMs));
  checks.push(readySaysNo(load.ready, pgDown, webs.length));
  for (const name of ["steady load", "sidecar SIGKILLed", "drain"]) {
    const bad = within(load.samples, phase(name)).filter((s) => s.status === 0 || s.status >= 400);
    checks.push({
      rule: `${name}: every request succeeds`,
      ok: bad.length === 0,
      detail: `${bad.length} failed${bad[0] ? ` (first: ${bad[0].status || bad[0].error})` : ""}`,
    });
  }
  checks.push({
    rule: "no acknowledged write missing",
    ok: stored === load.created.length,
    detail: `${stored} of ${load.created.length} acknowledged creates are in the database`,
  });
  checks.push({
    rule: "every committed event reached every socket once, in order",
    ok: d.committed > 0 && d.socketsExact === d.sockets && d.sockets === opts.sockets && d.resyncs === 0,
    detail: `${d.socketsExact} of ${d.sockets} sockets exact; ${d.missing} missing, ${d.duplicates} duplicates, ${d.outOfOrder} out of order, ${d.unexpected} unknown ids, ${d.resyncs} resyncs`,
  });

  const report = [
    `Chaos run ${new Date().toISOString()}: ${opts.webs} web instance(s), 2 sidecars, ${opts.sockets} sockets, outages of ${opts.outageMs / 1000} s`,
    "",
    requestTable(load.samples, phases, recovery),
    "",
    deliveryTable(d),
    "",
    printChecks(checks),
    ...(note ? ["", note] : []),
  ].join("\n");
  writeFileSync(path.join(OUT, "report.md"), report + "\n");
  console.log(`\n${report}\n`);
  const failed = checks.filter((c) => !c.ok).length;
  console.log(failed ? `chaos: ${failed} rule(s) broken (logs in ${path.relative(ROOT, OUT)}/logs)` : "chaos: every rule held");
  return failed ? 1 : 0;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping`);
    void cleanup().then(() => process.exit(130));
  });
}
main().then(
  async (code) => {
    await cleanup();
    process.exit(code);
  },
  async (error: unknown) => {
    console.error(error);
    await cleanup();
    process.exit(1);
  },
);
