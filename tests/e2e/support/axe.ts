import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

/** Fails on serious or critical axe violations (lesser ones are let through), and keeps a screenshot in the report. */
export async function expectAccessible(page: Page, name = new URL(page.url()).pathname): Promise<void> {
  await test.step(`axe: ${name}`, async () => {
    await page.waitForLoadState("networkidle").catch(() => undefined);
    const result = await new AxeBuilder({ page }).analyze();
    const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    await attachScreenshot(page, name);
    const detail = bad.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join("; ")}`,
    );
    expect(detail, `axe found ${bad.length} serious/critical violation(s) on ${name}`).toEqual([]);
  });
}

export async function attachScreenshot(page: Page, name: string): Promise<void> {
  await test.info().attach(name, { body: await page.screenshot(), contentType: "image/png" });
}
