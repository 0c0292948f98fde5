import { readFileSync } from "node:fs";
import path from "node:path";
import type { Capture } from "../floors/replay";

type Req = { method?: string; path: string; body?: unknown };

/**
 * Returns ctx.capture: one warm-up request (the same one unless `warmup` names another: a write that
 * the warm-up would already have made would be captured as a no-op), then the request with SQL capture on.
 */
export function makeCapture(appUrl: string, dir: string, auth: () => Record<string, string>) {
  return async (name: string, req: Req, warmup: Req = req): Promise<Capture> => {
    const send = async (extra: Record<string, string>, r: Req = req) => {
      const res = await fetch(appUrl + r.path, {
        method: r.method ?? "GET",
        headers: { ...auth(), ...extra, ...(r.body === undefined ? {} : { "content-type": "application/json" }) },
        body: r.body === undefined ? undefined : JSON.stringify(r.body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${r.method ?? "GET"} ${r.path} answered ${res.status}: ${text.slice(0, 300)}`);
      return text;
    };
    await send({}, warmup);
    await send({ "x-bench-capture": name });
    const file = path.join(dir, `${name}.json`);
    for (let i = 0; i < 50; i++) {
      try {
        const capture = JSON.parse(readFileSync(file, "utf8")) as Capture;
        if (capture.statements.length === 0)
          throw new Error(`capturing ${name}: no SQL was seen (is the capture hook loaded in the web process?)`);
        return capture;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT" && !(error instanceof SyntaxError)) throw error;
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    throw new Error(`capturing ${name}: nothing was written`);
  };
}
