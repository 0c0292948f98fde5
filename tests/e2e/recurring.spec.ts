import { expect, test } from "./fixtures";
import { createTask } from "./support/api";

// Several steps and an axe run, on a shared two-core machine.
test.describe.configure({ timeout: 180_000 });

test("make a weekly task, complete it and see the next one", async ({ ownerPage: page, project, request, expectAccessible }) => {
  // 2030-01-07 is a Monday.
  const task = await createTask(request, project, project.workspace.owner, { title: "Weekly review", dueDate: "2030-01-07" });
  await page.goto(`/w/${project.workspace.slug}/t/${task.key}`);
  const repeat = page.getByRole("group", { name: "Repeat" });

  await test.step("the Repeat picker offers weekly on the task's day and shows the next three dates", async () => {
    // A click before hydration is lost: retry until the form opens.
    await expect(async () => {
      await page.getByRole("button", { name: /Repeat: Never/ }).click();
      await expect(repeat).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    await expect(repeat.getByLabel("Repeats")).toHaveValue("weekly");
    await expect(repeat.getByRole("checkbox", { name: "Mon" })).toBeChecked();
    await expect(repeat.getByText("Next: 2030-01-14, 2030-01-21, 2030-01-28")).toBeVisible();
    await repeat.getByLabel("Repeats").selectOption("monthly");
    await repeat.getByRole("radio", { name: "the first Mon" }).check();
    await expect(repeat.getByText("Next: 2030-02-04, 2030-03-04, 2030-04-01")).toBeVisible();
    await repeat.getByLabel("Repeats").selectOption("weekly");
    await expectAccessible(page, "repeat-picker-open");
    await repeat.getByRole("button", { name: "Save repeat" }).click();
    await expect(page.getByRole("button", { name: "Repeat: every week on Monday" })).toBeVisible();
    await expect(page.getByTestId("repeat-next")).toHaveText("Next: 2030-01-14, 2030-01-21, 2030-01-28");
  });

  await test.step("completing it creates the next occurrence, a week later, with the repeat icon", async () => {
    await page.getByRole("button", { name: "Status: Todo" }).click();
    await page.getByRole("option", { name: "Done" }).click();
    await expect(page.getByRole("button", { name: "Status: Done" })).toBeVisible();
    await page.goto(`/w/${project.workspace.slug}/p/${project.key}/board`);
    const todo = page.getByTestId("column-Todo");
    await expect(async () => {
      await page.reload();
      await expect(todo.getByRole("link", { name: "Weekly review" })).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 60_000 });
    const next = todo.locator(".task-card").filter({ hasText: "Weekly review" });
    await expect(next.getByRole("img", { name: "Recurring task" })).toBeVisible();
    await expect(next.getByText("Due 14 Jan")).toBeVisible();
    await expect(page.getByTestId("column-Done").locator(".task-card").filter({ hasText: "Weekly review" })).toHaveCount(1);
  });
});
