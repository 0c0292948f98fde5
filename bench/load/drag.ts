// Child process: scripted drag-and-drop moves on the board in Chromium (playwright-core), timed two
// ways: web-vitals INP, and pointer-up → the card sitting in the target column.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium } from "playwright-core";

export type DragSpec = {
  url: string;
  cookie: { name: string; value: string };
  chromium: string;
  flags: string[];
  from: string;
  to: string;
  moves: number;
  screenshot?: string;
};
/** `domCards`: cards in the DOM once the board has loaded (a virtualised board holds what is on screen). */
/** `errors`: the page's console errors and uncaught exceptions (a hydration mismatch shows up here). */
export type DragResult = { inp: number | null; placed: number[]; interactions: number[]; domCards: number; errors: string[] };

const spec = JSON.parse(Buffer.from(process.argv[2]!, "base64url").toString()) as DragSpec;
const require = createRequire(import.meta.url);
// The IIFE build (not in the package's exports map) sits beside the CommonJS one.
const webVitals = readFileSync(path.join(path.dirname(require.resolve("web-vitals")), "web-vitals.iife.js"), "utf8");

const browser = await chromium.launch({ executablePath: spec.chromium, args: spec.flags, headless: true });
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addCookies([{ name: spec.cookie.name, value: spec.cookie.value, url: new URL(spec.url).origin }]);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => void (m.type() === "error" && errors.push(m.text().slice(0, 200))));
  page.on("pageerror", (e) => void errors.push(String(e).slice(0, 200)));
  await page.addInitScript(`${webVitals};
    window.__inp = null; window.__events = [];
    webVitals.onINP((m) => { window.__inp = m.value; }, { reportAllChanges: true });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.interactionId) window.__events.push(e.duration); }).observe({ type: "event", durationThreshold: 16, buffered: true });`);
  await page.goto(spec.url, { waitUntil: "networkidle", timeout: 120_000 });
  const domCards = await page.locator('[data-testid="board"] [data-testid^="card-"]').count();
  const placed: number[] = [];
  for (let i = 0; i < spec.moves; i++) {
    const [source, target] = i % 2 === 0 ? [spec.from, spec.to] : [spec.to, spec.from];
    const card = page.locator(`[data-testid="column-${source}"] [data-testid^="card-"]`).first();
    const key = (await card.getAttribute("data-testid"))!.slice("card-".length);
    const from = (await card.boundingBox())!;
    const to = (await page.locator(`[data-testid="column-${target}"] h2`).boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + 10);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 12, from.y + 14, { steps: 2 });
    await page.mouse.move(to.x + 20, to.y + 60, { steps: 12 });
    // Armed before the drop: resolves with the time from pointer-up to the card being in its new column.
    // (A string, not a function: tsx's name helpers do not exist in the page.)
    const sel = JSON.stringify(`[data-testid="column-${target}"] [data-testid="card-${key}"]`);
    await page.evaluate(`window.__placed = new Promise((resolve) => {
      let t0 = 0;
      document.addEventListener("pointerup", () => { t0 = performance.now(); }, { once: true, capture: true });
      const observer = new MutationObserver(() => {
        if (t0 > 0 && document.querySelector(${sel})) { observer.disconnect(); resolve(performance.now() - t0); }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
      setTimeout(() => resolve(-1), 10000);
    }); 0`);
    await page.mouse.up();
    const ms = (await page.evaluate("window.__placed")) as number;
    if (ms < 0) {
      if (spec.screenshot) await page.screenshot({ path: spec.screenshot });
      throw new Error(`move ${i + 1}: ${key} did not land in ${target} within 10 s`);
    }
    placed.push(ms);
    await page.waitForTimeout(800);
  }
  await page.waitForTimeout(500);
  const inp = (await page.evaluate("window.__inp")) as number | null;
  const interactions = (await page.evaluate("window.__events")) as number[];
  console.log(JSON.stringify({ inp, placed, interactions, domCards, errors } satisfies DragResult));
} finally {
  await browser.close();
}
