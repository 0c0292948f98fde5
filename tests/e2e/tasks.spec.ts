import { expect, test } from "./fixtures";
import { createTask } from "./support/api";
import { attachScreenshot } from "./support/axe";

test("a comment with an @mention raises the teammate's bell live", async ({
  ownerPage: page,
  project,
  teammate,
  teammatePage: b,
  request,
  expectAccessible,
}) => {
  const task = await createTask(request, project, project.workspace.owner, { title: "Write the launch post" });
  const board = `/w/${project.workspace.slug}/p/${project.key}/board`;
  await b.goto(board);
  await expect(b.getByTestId(`card-${task.key}`)).toBeVisible();
  const bell = b.getByTestId("bell-count");
  const before = (await bell.count()) ? Number(await bell.textContent()) : 0;
  const drawer = page.getByRole("dialog", { name: `Task ${task.key}` });
  const box = drawer.getByRole("combobox", { name: "Write a comment" });
  await test.step("the owner opens the task drawer from the board", async () => {
    await page.goto(board);
    await page.getByRole("link", { name: task.title }).click();
    await expect(box).toBeVisible();
    await expectAccessible(page, "task-drawer");
  });
  await test.step("the autocomplete inserts the mention", async () => {
    await box.pressSequentially("Can you review this, @Bo");
    await expect(drawer.getByRole("option", { name: new RegExp(teammate.name) })).toBeVisible();
    await box.press("Enter");
    await expect(box).toHaveValue(/@BobTeammate $/);
    // The caret moves past the mention on the next animation frame: type after it, as a person would.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    await box.pressSequentially("before Friday?");
    await expect(box).toHaveValue(/@BobTeammate before Friday\?/);
  });
  await test.step("the comment is posted and the teammate's bell counts it", async () => {
    await drawer.getByRole("button", { name: "Comment" }).click();
    await expect(drawer.getByTestId("comment").filter({ hasText: "before Friday?" })).toBeVisible();
    await expect(bell).toHaveText(String(before + 1));
    await attachScreenshot(b, "teammate-bell");
  });
});

test("the task page edits inline and renders markdown safely", async ({ ownerPage: page, project, request, expectAccessible }) => {
  const task = await createTask(request, project, project.workspace.owner, { title: "Update the pricing page" });
  await page.goto(`/w/${project.workspace.slug}/t/${task.key}`);
  await test.step("a description with a script and a javascript: link", async () => {
    await page.getByRole("button", { name: "Edit" }).click();
    await page.getByLabel("Description (markdown)").fill('**Bold plan** <img src=x onerror="window.__xss=1"> [link](javascript:alert(1))');
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.locator(".markdown strong", { hasText: "Bold plan" })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), "markdown ran a script").toBeUndefined();
    await expect(page.locator('.markdown a[href^="javascript"]')).toHaveCount(0);
  });
  await test.step("the priority changes inline and shows in the activity", async () => {
    await page.getByRole("button", { name: "Priority: No priority" }).click();
    await page.getByRole("option", { name: "High" }).click();
    await expect(page.getByText("changed priority")).toBeVisible();
    await expectAccessible(page, "task-page");
  });
});
