import { readFileSync } from "node:fs";
import path from "node:path";
import type { Capture } from "../floors/replay";

/** Returns ctx.capture: one warm-up request, then the same request with SQL capture on. */
export function makeCapture(appUrl: string, dir: string, auth: () => Record<string, string>) {
  return async (name: string, req: { method?: string; path: string; body?: unknown }): Promise<Capture> => {
    const send = async (extra: Record<string, string>) => {
      const res = await fetch(appUrl + req.path, {
        method: req.method ?? "GET",
        headers: { ...auth(), ...extra, ...(req.body === undefined ? {} : { "content-type": "application/json" }) },
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${req.method ?? "GET"} ${req.path} answered ${res.status}: ${text.slice(0, 300)}`);
      return text;
    };
    await send({});
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
