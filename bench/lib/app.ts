import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./config";
import { freePort, start, waitForHttp, type Proc } from "./processes";

const NEXT = path.join(ROOT, "node_modules/next/dist/bin/next");
const CAPTURE = path.join(ROOT, "bench/floors/capture-sql.cjs");

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith(".") || e.name === "node_modules") continue;
    const full = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return t;
}

/** Uses the project's production build, building it first when it is missing or older than the sources (like `npm start`). */
export function ensureBuild(allowBuild: boolean, log: (m: string) => void): void {
  const buildId = path.join(ROOT, ".next/BUILD_ID");
  const sources = ["app", "components", "config", "server", "db", "realtime", "startup", "public"]
    .map((d) => path.join(ROOT, d))
    .filter(existsSync);
  const stale = !existsSync(buildId) || sources.some((d) => newest(d) > statSync(buildId).mtimeMs);
  if (!stale) return;
  if (!allowBuild) {
    if (existsSync(buildId)) return log("warning: .next is older than the sources; measuring it anyway (--no-build)");
    throw new Error("no production build in .next and --no-build was given");
  }
  log("building the production app (next build; minutes on 2 cores)…");
  const r = spawnSync(process.execPath, [NEXT, "build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (r.status !== 0) throw new Error("next build failed");
}

export type AppEnv = Record<string, string>;

/** The production build under `next start`, with the SQL capture hook preloaded (inactive unless a request asks). */
export async function startWeb(env: AppEnv, captureDir: string, name = "web"): Promise<{ proc: Proc; url: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = start(
    name,
    process.execPath,
    [NEXT, "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      ...env,
      APP_URL: url,
      PORT: String(port),
      BENCH_CAPTURE_DIR: captureDir,
      NODE_OPTIONS: `--require ${CAPTURE}`,
    },
    ROOT,
    port,
  );
  await waitForHttp(proc, `${url}/api/health`);
  return { proc, url };
}

/** A Socket.IO sidecar (`npm run realtime`), when the project has one. */
export async function startRealtime(name: string, env: AppEnv): Promise<{ proc: Proc; url: string } | null> {
  const main = path.join(ROOT, "realtime/main.ts");
  if (!existsSync(main)) return null;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = start(name, process.execPath, ["--import", "tsx", main], { ...env, REALTIME_PORT: String(port) }, ROOT, port);
  await waitForHttp(proc, `${url}/socket.io/?EIO=4&transport=polling`, 60_000);
  return { proc, url };
}

export async function startBareFloor(env: AppEnv, captureDir: string): Promise<{ proc: Proc; url: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = start(
    "bare-http",
    process.execPath,
    ["--import", "tsx", path.join(ROOT, "bench/floors/bare-http.ts"), String(port), captureDir],
    env,
    ROOT,
    port,
  );
  await waitForHttp(proc, `${url}/hello`);
  return { proc, url };
}
