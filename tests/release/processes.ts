import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import net from "node:net";
import { waitFor } from "../helpers/realtime";
import { freePort } from "../helpers/sidecar";

export type Exit = { code: number | null; signal: NodeJS.Signals | null; at: number };

export type Running = {
  name: string;
  url: string;
  proc: ChildProcess;
  output: () => string;
  exited: Promise<Exit>;
  signal(sig: NodeJS.Signals): number;
};

// As root (CI), the programs run as nobody over root-owned files: nothing they write outside /tmp can land.
const unprivileged = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
export const runsAs = process.getuid?.() === 0 ? "nobody" : `uid ${process.getuid?.()}`;

/** `node <args>` in cwd with only env (and PATH), the way the image runs it: no shell, node is the process. */
export function startProgram(name: string, cwd: string, args: string[], env: Record<string, string>, url: string): Running {
  const options: SpawnOptions = {
    cwd,
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: "/nonexistent", ...env } as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
    ...unprivileged,
  };
  const proc: ChildProcess = spawn(process.execPath, args, options);
  let output = "";
  proc.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  proc.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<Exit>((resolve) => proc.once("exit", (code, signal) => resolve({ code, signal, at: Date.now() })));
  return {
    name,
    url,
    proc,
    output: () => output,
    exited,
    signal(sig) {
      const at = Date.now();
      proc.kill(sig);
      return at;
    },
  };
}

/** Resolves once GET url answers 200; fails early with the program's output when it exits first. */
export async function answers(p: Running, pathname: string, timeoutMs = 120_000): Promise<void> {
  let gone = false;
  void p.exited.then(() => (gone = true));
  await waitFor(
    async () => {
      if (gone) throw new Error(`${p.name} exited:\n${p.output().slice(-2000)}`);
      const res = await fetch(p.url + pathname).catch(() => null);
      return res?.status === 200;
    },
    `${p.name} ${pathname} (${p.output().slice(-500)})`,
    timeoutMs,
    200,
  );
}

/**
 * A TCP load balancer in front of the realtime processes, like the ALB: it sends new connections to
 * one target until failover() (the health check noticing the target is gone), the next after that.
 */
export async function balancer(ports: number[]): Promise<{ url: string; failover(): void; close(): Promise<void> }> {
  let target = 0;
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(ports[target]!, "127.0.0.1");
    open.add(client).add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    for (const s of [client, upstream]) s.on("error", end).on("close", end);
    client.pipe(upstream).pipe(client);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
  return {
    url: `http://127.0.0.1:${port}`,
    failover: () => (target = Math.min(target + 1, ports.length - 1)),
    close: () =>
      new Promise((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
