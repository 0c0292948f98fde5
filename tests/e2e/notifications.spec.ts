import { expect, test } from "./fixtures";
import { createTask } from "./support/api";

test("the inbox lists a notification and marks all as read", async ({ ownerPage: page, project, teammate, request, expectAccessible }) => {
  const owner = project.workspace.owner;
  await test.step("the teammate assigns the owner a task over the API", async () => {
    await createTask(request, project, teammate, { title: "Review the launch post", assigneeIds: [owner.id] });
  });
  await test.step("the owner's inbox shows it", async () => {
    await page.goto("/notifications");
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("notification").first()).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    await expect(page.getByTestId("notification").first()).toContainText("Review the launch post");
    await expectAccessible(page, "inbox");
  });
  await test.step("mark all as read", async () => {
    await page.getByRole("button", { name: "Mark all as read" }).click();
    await expect(page.getByText("All read")).toBeVisible();
  });
});
