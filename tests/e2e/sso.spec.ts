import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { createUser, unique } from "./support/api";

// The authorization-code flow against the loopback OpenID Connect provider the global setup starts
// (tests/e2e/setup/oidc-provider.ts): its development login form takes any login and password.
async function signInThroughProvider(page: Page, login: string): Promise<void> {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Continue with Test SSO" }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("anything");
  await page.locator('button[type="submit"]').click();
  // The consent screen (first authorization of this client for this account).
  await page.locator('button[type="submit"]').click();
}

// FIXME: the flow reaches the provider's token endpoint, which answers invalid_grant ("grant request is
// invalid") to the app's code exchange; not yet diagnosed (PKCE or redirect_uri handling between Auth.js and
// oidc-provider). The account-linking rules are covered by tests/integration/account-security (SSO).
test("SSO links an existing account by its verified email", async ({ page, owner, workspace }) => {
  await signInThroughProvider(page, owner.email);
  await page.waitForURL(`**/w/${workspace.slug}`);
  await expect(page.getByRole("heading", { name: workspace.name })).toBeVisible();
  const me = await page.request.get("/api/v1/me");
  expect(me.status()).toBe(200);
  expect((await me.json()).id).toBe(owner.id);
});

test("SSO creates an account for a new verified email, and refuses an unverified one", async ({ page, browser, request }) => {
  const email = `${unique("sso")}@example.test`;
  await signInThroughProvider(page, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/signin") && url.origin === new URL(page.url()).origin);
  const me = await page.request.get("/api/v1/me");
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ email, emailVerified: true });

  const existing = await createUser(request, "Una Verified");
  const context = await browser.newContext();
  const p = await context.newPage();
  await signInThroughProvider(p, `unverified+${existing.email}`);
  await p.waitForURL("**/signin?error=**");
  await expect(p.getByRole("alert")).toContainText("did not confirm your email");
  await context.close();
});
