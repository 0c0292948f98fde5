// The parent's handle on scripts/chaos/sockets.ts: spawn it, ask how far its sockets got, collect what each received.
import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import type { FleetSpec, FleetStatus, SocketReport } from "./sockets";

export type Fleet = { ready: number; failed: number; status(): Promise<FleetStatus>; collect(): Promise<SocketReport[]>; kill(): void };

export async function openFleet(spec: FleetSpec, root: string): Promise<Fleet> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(root, "scripts/chaos/sockets.ts"), Buffer.from(JSON.stringify(spec)).toString("base64url")],
    {
      cwd: root,
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  const waiting: ((line: Record<string, unknown>) => void)[] = [];
  createInterface({ input: child.stdout }).on("line", (line) => {
    try {
      waiting.shift()?.(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // a stray line (a library's warning): not ours
    }
  });
  let exited = false;
  child.once("exit", () => (exited = true));
  // Requests are answered in order, one line each.
  let queue: Promise<unknown> = Promise.resolve();
  const ask = (command: string | null, timeoutMs: number) => {
    const next = queue.then(
      () =>
        new Promise<Record<string, unknown>>((resolve, reject) => {
          if (exited) return reject(new Error(`socket fleet exited: ${stderr}`));
          const timer = setTimeout(() => reject(new Error(`socket fleet did not answer ${command ?? "hello"}: ${stderr}`)), timeoutMs);
          waiting.push((line) => {
            clearTimeout(timer);
            resolve(line);
          });
          if (command) child.stdin.write(`${command}\n`);
        }),
    );
    queue = next.catch(() => undefined);
    return next;
  };
  const hello = await ask(null, 120_000);
  return {
    ready: hello.ready as number,
    failed: hello.failed as number,
    status: async () => (await ask("status", 10_000)).status as FleetStatus,
    collect: async () => (await ask("stop", 60_000)).sockets as SocketReport[],
    kill: () => void (exited || child.kill("SIGKILL")),
  };
}
