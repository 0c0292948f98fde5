import { expect, test } from "./fixtures";
import { createTask } from "./support/api";

// Issue 15: add a custom select field in the project settings, set it on a card through the shared
// picker (the card shows it), then filter the board by it.
test.describe.configure({ timeout: 180_000 });

test("a custom select field: add it, set it on a card, filter the board by it", async ({
  ownerPage: page,
  project,
  request,
  expectAccessible,
}) => {
  const owner = project.workspace.owner;
  const bug = await createTask(request, project, owner, { title: "Checkout crashes on submit" });
  const chore = await createTask(request, project, owner, { title: "Tidy the changelog" });
  const base = `/w/${project.workspace.slug}/p/${project.key}`;

  await test.step("add the field Severity with two options in the settings", async () => {
    await page.goto(`${base}/settings`);
    const form = page.getByRole("region", { name: "Custom fields" });
    // Until hydration a submit is a plain form post: retry until the field shows up.
    await expect(async () => {
      await form.getByLabel("New field name").fill("Severity");
      await form.getByLabel("New field type").selectOption("single_select");
      await form.getByLabel("Options, comma-separated").fill("Critical, Minor");
      await form.getByRole("button", { name: "Add field" }).click();
      await expect(page.getByTestId("field-Severity")).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 60_000 });
    await expect(page.getByTestId("field-Severity")).toContainText("Critical");
    await expectAccessible(page, "custom-fields-settings");
  });

  await test.step("set it on a card through the property picker", async () => {
    await page.goto(`${base}/board`);
    const drawer = page.getByRole("dialog", { name: `Task ${bug.key}` });
    await expect(async () => {
      await page.getByRole("link", { name: bug.title }).click();
      await expect(drawer.getByRole("button", { name: "Set Severity" })).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 60_000 });
    await drawer.getByRole("button", { name: "Set Severity" }).click();
    await page.getByRole("listbox").getByRole("option", { name: "Critical" }).click();
    await expect(drawer.getByRole("button", { name: "Severity: Critical" })).toBeVisible();
    await expect
      .poll(async () => {
        const res = await request.get(`/api/v1/tasks/${bug.key}`, { headers: { authorization: `Bearer ${owner.token}` } });
        return Object.keys(((await res.json()) as { customFields: Record<string, unknown> }).customFields).length;
      })
      .toBe(1);
    await page.keyboard.press("Escape");
    await page.goto(`${base}/board`);
    await expect(page.getByTestId(`card-${bug.key}`).getByTestId("card-fields")).toContainText("Critical");
  });

  await test.step("filter the board by it", async () => {
    await expect(page.getByTestId(`card-${chore.key}`)).toBeVisible();
    await expect(async () => {
      await page.getByLabel("Severity", { exact: true }).selectOption({ label: "Critical" });
      await page.waitForURL(/cf\./, { timeout: 5_000 });
    }).toPass({ timeout: 60_000 });
    await expect(page.getByTestId(`card-${bug.key}`)).toBeVisible();
    await expect(page.getByTestId(`card-${chore.key}`)).toHaveCount(0);
    await page.getByLabel("Severity", { exact: true }).selectOption({ label: "No Severity" });
    await expect(page.getByTestId(`card-${chore.key}`)).toBeVisible();
    await expect(page.getByTestId(`card-${bug.key}`)).toHaveCount(0);
  });
});
