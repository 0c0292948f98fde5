import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { RESULTS_DIR, ROOT } from "../lib/config";
import { runChild } from "../lib/load";
import type { BenchContext, Row, Scenario } from "../lib/scenario";
import { median, round } from "../lib/stats";
import type { DragResult, DragSpec } from "../load/drag";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const COOKIE = "authjs.session-token";
const boardPath = (ctx: BenchContext) => `/w/${ctx.fixture.workspace.slug}/p/BRD/board`;
/** The list of a large project: ANL holds half the scale's tasks (5,000 at 10k), at most 50,000. */
const listPath = (ctx: BenchContext) => `/w/${ctx.fixture.workspace.slug}/p/ANL/list`;

/** The browser session cookie, made the way next-auth makes it, around the seeded session token. */
async function sessionCookie(ctx: BenchContext): Promise<string> {
  const { owner } = ctx.fixture;
  return encode({
    token: { sub: owner.id, email: owner.email, name: "Bench Owner", sessionToken: owner.sessionToken },
    secret: ctx.authSecret,
    salt: COOKIE,
    maxAge: 86_400,
  });
}

type Audits = Record<string, { numericValue?: number }>;

/** One Lighthouse 12 run (desktop preset) in its own process, with Debian's Chromium. */
function lighthouse(ctx: BenchContext, url: string, cookie: string): Promise<Audits> {
  return new Promise((resolve, reject) => {
    const args = [
      path.join(ROOT, "node_modules/lighthouse/cli/index.js"),
      url,
      "--quiet",
      "--output=json",
      "--output-path=stdout",
      "--only-categories=performance",
      "--preset=desktop",
      `--chrome-flags=${FLAGS.join(" ")}`,
      `--extra-headers=${JSON.stringify({ Cookie: `${COOKIE}=${cookie}` })}`,
      "--max-wait-for-load=60000",
    ];
    const child = spawn(process.execPath, args, { env: { ...process.env, CHROME_PATH: ctx.opts.chromium } });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 180_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      try {
        const report = JSON.parse(out) as { audits: Audits; runtimeError?: { message: string } };
        if (report.runtimeError) throw new Error(report.runtimeError.message);
        resolve(report.audits);
      } catch (e) {
        reject(new Error(`lighthouse exited ${code}: ${String(e)} ${err.slice(-500)}`));
      }
    });
  });
}

/** Scenario 7: the 1,000-task board in Chromium: Lighthouse LCP/TBT/CLS and a scripted drag's INP. */
export const browserScenario: Scenario = {
  id: "browser",
  title: "7. Board page in a browser",
  async available(ctx) {
    if (!existsSync(ctx.opts.chromium)) return `no Chromium at ${ctx.opts.chromium} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
    const res = await fetch(ctx.services.appUrl + boardPath(ctx), {
      headers: { cookie: `${COOKIE}=${await sessionCookie(ctx)}` },
      redirect: "manual",
    });
    const html = await res.text();
    if (res.status === 404) return `not available yet: ${boardPath(ctx)} is not served (404)`;
    if (res.status !== 200 || !html.includes('data-testid="board"')) return `${boardPath(ctx)} answered ${res.status} without a board`;
    return null;
  },
  async run(ctx) {
    const cookie = await sessionCookie(ctx);
    const url = ctx.services.appUrl + boardPath(ctx);
    const runs: Audits[] = [];
    for (let i = 0; i < 3; i++) runs.push(await lighthouse(ctx, url, cookie));
    const m = (audit: string) => median(runs.map((a) => a[audit]?.numericValue ?? Number.NaN));
    const each = (audit: string) => runs.map((a) => Math.round(a[audit]?.numericValue ?? Number.NaN)).join(", ");
    const drag = await runChild<DragResult>(
      "drag.ts",
      {
        url,
        cookie: { name: COOKIE, value: cookie },
        chromium: ctx.opts.chromium,
        flags: FLAGS,
        from: "Todo",
        to: "In Progress",
        moves: 6,
        screenshot: path.join(RESULTS_DIR, "logs/drag-failed.png"),
      } satisfies DragSpec,
      240_000,
    );
    // The list: one Lighthouse run (its first rows come from one server page of 100, then scroll loads more).
    const listRun = await lighthouse(ctx, ctx.services.appUrl + listPath(ctx), cookie);
    const listLcp = listRun["largest-contentful-paint"]?.numericValue ?? Number.NaN;
    const listTbt = listRun["total-blocking-time"]?.numericValue ?? Number.NaN;
    const listHtml = await (await fetch(ctx.services.appUrl + listPath(ctx), { headers: { cookie: `${COOKIE}=${cookie}` } })).text();
    const listRows = listHtml.match(/class="list-row"/g)?.length ?? 0;
    const html = await (await fetch(url, { headers: { cookie: `${COOKIE}=${cookie}` } })).text();
    const rendered = html.match(/data-testid="card-/g)?.length ?? 0;
    const cards =
      `the page's HTML holds ${rendered.toLocaleString("en")} of the board's 1,000 cards, the DOM after hydration ${drag.domCards.toLocaleString("en")}` +
      (rendered >= 500 ? " (no virtualisation)" : "");
    const row = (metric: string, value: number, unit: string, target: string, met: boolean, why: string, note?: string): Row => ({
      scenario: "7. board in a browser",
      metric,
      value: round(value, unit === "" ? 3 : 0),
      unit,
      target,
      met,
      note,
      why,
    });
    const { rows: counted } = await ctx.pool.query<{ n: string }>("select count(*) as n from tasks where project_id = $1", [
      ctx.fixture.projects.ANL.id,
    ]);
    const analyticsTasks = Number(counted[0]?.n ?? 0);
    return [
      row(
        "LCP (Lighthouse desktop, median of 3)",
        m("largest-contentful-paint"),
        "ms",
        "< 1 s",
        m("largest-contentful-paint") < 1000,
        cards,
        "Lighthouse 12.2.3, desktop preset (simulated throttling), Debian Chromium",
      ),
      row(
        "TBT",
        m("total-blocking-time"),
        "ms",
        "< 200 ms",
        m("total-blocking-time") < 200,
        `hydrating the board: ${cards}`,
        `per run: ${each("total-blocking-time")} ms (LCP ${each("largest-contentful-paint")} ms)`,
      ),
      row("CLS", m("cumulative-layout-shift"), "", "< 0.1", m("cumulative-layout-shift") < 0.1, "content moves after the first paint"),
      row(
        "drag-and-drop move: INP (web-vitals)",
        drag.inp ?? Number.NaN,
        "ms",
        "< 100 ms",
        drag.inp !== null && drag.inp < 100,
        `the drop's render on the main thread; ${cards}`,
        `${drag.placed.length} scripted moves between Todo and In Progress; event durations ≥ 16 ms: ${drag.interactions.map((d) => Math.round(d)).join(", ") || "none"}`,
      ),
      row(
        "drag-and-drop: pointer-up → card placed, median",
        median(drag.placed),
        "ms",
        "< 50 ms",
        median(drag.placed) < 50,
        `the drop's render on the main thread; ${cards}`,
        `per move: ${drag.placed.map((p) => Math.round(p)).join(", ")} ms; page errors: ${drag.errors.length ? drag.errors.join(" | ") : "none"}`,
      ),
      row(
        `list of ${analyticsTasks.toLocaleString("en")} tasks: LCP (Lighthouse desktop, 1 run)`,
        listLcp,
        "ms",
        "< 1 s",
        listLcp < 1000,
        `the list's HTML holds ${listRows} rows`,
        `TBT ${Math.round(listTbt)} ms; the server renders the first screen of rows from a first page of 100`,
      ),
    ];
  },
};
