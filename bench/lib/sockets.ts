import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { ROOT } from "./config";
import type { SocketsSpec } from "../load/sockets";

/** A separate process holding `spec.count` connections; collect() returns [marker, received-at] pairs. */
export type SocketFleet = { ready: number; failed: number; collect(): Promise<[number, number][]> };

export function openFleet(spec: SocketsSpec, timeoutMs = 120_000): Promise<SocketFleet> {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ["--import", "tsx", path.join(ROOT, "bench/load/sockets.ts"), Buffer.from(JSON.stringify(spec)).toString("base64url")],
    { cwd: ROOT },
  );
  const lines = createInterface({ input: child.stdout });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const next = () =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error(`socket fleet timed out: ${stderr.slice(-500)}`));
      }, timeoutMs);
      lines.once("line", (l) => {
        clearTimeout(timer);
        try {
          resolve(JSON.parse(l) as Record<string, unknown>);
        } catch (error) {
          reject(new Error(`socket fleet sent a bad line: ${String(error)}`));
        }
      });
      child.once("exit", (code) => code !== 0 && reject(new Error(`socket fleet exited ${code}: ${stderr.slice(-500)}`)));
    });
  return next().then((hello) => ({
    ready: hello.ready as number,
    failed: hello.failed as number,
    async collect() {
      const done = next();
      child.stdin.write("stop\n");
      return (await done).receipts as [number, number][];
    },
  }));
}
