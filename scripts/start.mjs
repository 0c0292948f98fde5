// `npm start`: builds once on a fresh checkout (or after the sources changed), then serves.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const buildId = path.join(root, ".next", "BUILD_ID");

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const sources = ["app", "components", "config", "server", "db", "realtime", "startup", "public"].filter((d) =>
  existsSync(path.join(root, d)),
);
const stale = !existsSync(buildId) || sources.some((d) => newestSource(path.join(root, d)) > statSync(buildId).mtimeMs);
const run = (args) =>
  spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), ...args], { stdio: "inherit", cwd: root });

if (stale) {
  console.log("Building Tasklane (first start or changed sources; takes a few minutes on 2 cores)…");
  const build = run(["build"]);
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const port = process.env.PORT ?? "3000";
const serve = run(["start", "-p", port]);
process.exit(serve.status ?? 0);
