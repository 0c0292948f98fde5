import { expect, test } from "./fixtures";
import { PASSWORD, unique } from "./support/api";

test("a newcomer signs up and creates a workspace", async ({ page, expectAccessible }) => {
  const name = "Alice Newcomer";
  const slug = unique("acme");
  await test.step("the landing and sign-up pages", async () => {
    await page.goto("/");
    await expectAccessible(page, "landing");
    await page.goto("/signup");
    await expectAccessible(page, "signup");
  });
  await test.step("sign up", async () => {
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Email").fill(`${unique("alice")}@example.test`);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: `Welcome, ${name}` })).toBeVisible();
    await expectAccessible(page, "create-workspace");
  });
  await test.step("create the first workspace", async () => {
    await page.getByLabel("Workspace name").fill(`Acme ${slug}`);
    await page.getByLabel("URL").fill(slug);
    await page.getByRole("button", { name: "Create workspace" }).click();
    await page.waitForURL(`**/w/${slug}`);
    await expect(page.getByRole("heading", { name: `Acme ${slug}` })).toBeVisible();
  });
});

test("the sign-in form refuses a bad password next to the form, then signs in", async ({ page, owner, workspace, expectAccessible }) => {
  await test.step("a wrong password", async () => {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(owner.email);
    await page.getByLabel("Password").fill("wrong password entirely");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Invalid email or password" })).toBeVisible();
    await expectAccessible(page, "signin-error");
  });
  await test.step("the right password lands in the workspace", async () => {
    await page.getByLabel("Email").fill(owner.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`**/w/${workspace.slug}`);
    await expect(page.getByRole("heading", { name: workspace.name })).toBeVisible();
  });
});

test("sign-out revokes the session", async ({ ownerPage: page, workspace, browser }) => {
  await page.goto(`/w/${workspace.slug}`);
  const cookies = await page.context().cookies();
  await test.step("sign out", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/signin");
  });
  await test.step("the old cookie, replayed, no longer works: the session row was revoked", async () => {
    const replay = await browser.newContext();
    await replay.addCookies(cookies);
    const p = await replay.newPage();
    await p.goto(`/w/${workspace.slug}`);
    await p.waitForURL("**/signin**");
    await replay.close();
  });
});
