import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { createUser, unique } from "./support/api";

// The authorization-code flow against the loopback OpenID Connect provider the global setup starts
// (tests/e2e/setup/oidc-provider.ts): its development login form takes any login and password.
async function signInThroughProvider(page: Page, login: string): Promise<void> {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Continue with Test SSO" }).click();
  // The provider's pages are plain HTML forms (no hydration); each step waits for its own page, so a click
  // never lands on the previous page's submit button while the next one loads.
  await expect(page.getByRole("heading", { name: "Sign-in" })).toBeVisible();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  // The consent screen (first authorization of this client for this account).
  await expect(page.getByRole("heading", { name: "Authorize" })).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();
}

test("SSO links an existing account by its verified email", async ({ page, owner, workspace }) => {
  await signInThroughProvider(page, owner.email);
  await page.waitForURL(`**/w/${workspace.slug}`);
  await expect(page.getByRole("heading", { name: workspace.name })).toBeVisible();
  const me = await page.request.get("/api/v1/me");
  expect(me.status()).toBe(200);
  // Linked to the existing account, whose address the provider vouched for.
  expect(await me.json()).toMatchObject({ id: owner.id, emailVerified: true });
});

test("SSO creates an account for a new verified email, and refuses an unverified one", async ({ page, browser, request, baseURL }) => {
  test.slow(); // two full sign-ins through the provider
  const email = `${unique("sso")}@example.test`;
  await signInThroughProvider(page, email);
  // Back on the app (not the provider's pages), signed in: a new account has no workspace yet.
  await page.waitForURL((url) => url.origin === new URL(baseURL!).origin && url.pathname === "/");
  await expect(page.getByRole("heading", { name: `Welcome, SSO ${email.split("@")[0]}` })).toBeVisible();
  const me = await page.request.get("/api/v1/me");
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ email, emailVerified: true });

  const existing = await createUser(request, "Una Verified");
  const context = await browser.newContext();
  const p = await context.newPage();
  await signInThroughProvider(p, `unverified+${existing.email}`);
  await p.waitForURL("**/signin?error=**");
  await expect(p.getByRole("alert").filter({ hasText: "did not confirm your email" })).toBeVisible(); // not Next's route announcer, also an alert
  expect((await p.request.get("/api/v1/me")).status()).toBe(401);
  await context.close();
});
