import { expect, test } from "./fixtures";

test("user settings: profile, and a token shown once that works on the API", async ({ ownerPage: page, request, expectAccessible }) => {
  await test.step("the profile page", async () => {
    await page.goto("/settings/profile");
    await expectAccessible(page, "settings-profile");
  });
  await test.step("create a token; it authenticates the API", async () => {
    await page.goto("/settings/tokens");
    await page.getByLabel("Token name").fill("e2e script");
    await page.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByTestId("new-token").textContent()) ?? "";
    expect(token).toMatch(/^tlp_/);
    const me = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
    expect(me.status()).toBe(200);
    await expectAccessible(page, "settings-tokens");
  });
  await test.step("a reload does not show it again", async () => {
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    await expect(page.getByTestId("new-token")).toHaveCount(0);
  });
});

test("notification preferences pass axe", async ({ ownerPage: page, expectAccessible }) => {
  await page.goto("/settings/notifications");
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await expectAccessible(page, "notification-preferences");
});
