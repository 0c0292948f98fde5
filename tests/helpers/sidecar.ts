import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { waitFor } from "./realtime";

const root = path.resolve(import.meta.dirname, "../..");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export type Sidecar = {
  url: string;
  port: number;
  proc: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  signal(sig: NodeJS.Signals): void;
  stop(): Promise<void>;
};

/** `npx tsx realtime/main.ts` on its own port, with this test run's database and the given Redis. */
export async function startSidecar(redisUrl: string, env: Record<string, string> = {}): Promise<Sidecar> {
  const port = await freePort();
  const proc = spawn("npx", ["tsx", "realtime/main.ts"], {
    cwd: root,
    detached: true, // its own process group: npx, tsx and node get the signal together
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, REDIS_URL: redisUrl, REALTIME_PORT: String(port), LOG_LEVEL: "warn", REALTIME_SWEEP_MS: "1000", ...env },
  });
  let output = "";
  proc.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  proc.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  // "close": every process of the group that held our pipes (npx, tsx, node) is gone.
  const exited = new Promise<number | null>((resolve) => proc.once("close", (code) => resolve(code)));
  let gone = false;
  void exited.then(() => (gone = true));
  const url = `http://127.0.0.1:${port}`;
  const signal = (sig: NodeJS.Signals) => {
    if (!gone && proc.pid) process.kill(-proc.pid, sig);
  };
  await waitFor(
    async () => {
      if (gone) throw new Error(`sidecar exited:\n${output}`);
      const res = await fetch(`${url}/ready`).catch(() => null);
      return res?.status === 200;
    },
    `sidecar on ${port} (${output.slice(-500)})`,
    120_000,
    200,
  );
  return {
    url,
    port,
    proc,
    output: () => output,
    exited,
    signal,
    async stop() {
      signal("SIGTERM");
      const timer = setTimeout(() => signal("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
