import { mkdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const BASE = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000";
const SHOTS = path.resolve(import.meta.dirname, "../../test-results/screenshots");

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

export async function newContext(browser: Browser, opts: { phone?: boolean; dark?: boolean } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: BASE,
    viewport: opts.phone ? { width: 390, height: 844 } : { width: 1366, height: 860 },
    colorScheme: opts.dark ? "dark" : "light",
    isMobile: opts.phone,
    hasTouch: opts.phone,
  });
  context.setDefaultTimeout(Number(process.env.E2E_TIMEOUT_MS ?? 15_000));
  context.setDefaultNavigationTimeout(Number(process.env.E2E_TIMEOUT_MS ?? 30_000));
  return context;
}

export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export const PASSWORD = "correct horse battery staple 42";

export async function signUp(page: Page, name: string, email: string, next?: string): Promise<void> {
  await page.goto(next ? `/signup?next=${encodeURIComponent(next)}` : "/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signup"));
}

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Fails on serious or critical axe violations; returns how many lesser ones there were. */
export async function checkA11y(page: Page, name: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (bad.length) {
    const detail = bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`).join("\n  ");
    throw new Error(`axe found ${bad.length} serious/critical violation(s) on ${name}:\n  ${detail}`);
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
}

/** Axe and a screenshot for one main page, in both themes when asked. */
export async function audit(page: Page, name: string): Promise<void> {
  await page.waitForLoadState("networkidle").catch(() => undefined);
  await checkA11y(page, name);
  await screenshot(page, name);
}

type Test = { name: string; fn: () => Promise<void> };
const tests: Test[] = [];
export function test(name: string, fn: () => Promise<void>): void {
  tests.push({ name, fn });
}

/** Runs the phases in order; a failed phase skips the ones after it (they build on it). */
export async function run(): Promise<number> {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const t of tests) {
    if (failed > 0) {
      skipped++;
      console.log(`  - skipped  ${t.name}`);
      continue;
    }
    const started = Date.now();
    try {
      await t.fn();
      passed++;
      console.log(`  ✓ ${t.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      console.log(`  ✗ ${t.name}\n    ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  console.log(`\n${passed} passed, ${failed + skipped} failed${skipped ? ` (${skipped} skipped after a failure)` : ""}`);
  return failed + skipped;
}
