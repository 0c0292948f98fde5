import { expect, test } from "./fixtures";
import { createTask, type TestProject, type TestUser } from "./support/api";
import type { APIRequestContext, Page } from "@playwright/test";

// The timeline and the calendar: dates change by dragging, are saved (If-Match), survive a reload
// and reach a teammate's open view live.

const day = (offset: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate() + offset)).toISOString().slice(0, 10);
};

async function datesOf(request: APIRequestContext, user: TestUser, key: string) {
  const res = await request.get(`/api/v1/tasks/${key}`, { headers: { authorization: `Bearer ${user.token}` } });
  const task = (await res.json()) as { startDate: string | null; dueDate: string | null };
  return { startDate: task.startDate, dueDate: task.dueDate };
}

async function block(request: APIRequestContext, project: TestProject, blocked: string, blocker: string) {
  const res = await request.post(`/api/v1/tasks/${blocked}/dependencies`, {
    headers: { authorization: `Bearer ${project.workspace.owner.token}` },
    data: { blockedBy: blocker },
  });
  expect(res.ok()).toBe(true);
}

const bar = (p: Page, key: string) => p.getByRole("region", { name: "Timeline" }).locator(`[data-task="${key}"]`);

test("a bar dragged on the timeline moves both dates; a reload and a teammate agree", async ({
  ownerPage: page,
  teammatePage: b,
  project,
  request,
  expectAccessible,
}) => {
  const owner = project.workspace.owner;
  const blocker = await createTask(request, project, owner, { title: "Design the page", startDate: day(-3), dueDate: day(-1) });
  const task = await createTask(request, project, owner, { title: "Build the page", startDate: day(0), dueDate: day(2) });
  await createTask(request, project, owner, { title: "Someday" });
  await block(request, project, task.key, blocker.key);
  const timeline = `/w/${project.workspace.slug}/p/${project.key}/timeline`;

  await test.step("both open the timeline: bars, the dependency arrow, the undated task aside", async () => {
    await page.goto(timeline);
    await b.goto(timeline);
    await expect(bar(page, task.key)).toBeVisible();
    await expect(page.locator(`[data-dependency="${task.key} is blocked by ${blocker.key}"]`)).toHaveCount(1);
    await expect(page.getByRole("complementary", { name: "Tasks without dates" }).getByText("Someday")).toBeVisible();
    await expect(bar(b, task.key)).toBeVisible();
    await expectAccessible(page, "timeline");
  });

  await test.step("the owner drags the bar three days later", async () => {
    const box = (await bar(page, task.key).boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 20, y, { steps: 4 });
    await page.mouse.move(box.x + box.width / 2 + 3 * 36, y, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => datesOf(request, owner, task.key)).toEqual({ startDate: day(3), dueDate: day(5) });
  });

  await test.step("the teammate's timeline follows live; a reload keeps it", async () => {
    const moved = new RegExp(`^${task.key} Build the page: `);
    await expect(bar(b, task.key)).toHaveAttribute("aria-label", moved);
    const before = await bar(b, task.key).getAttribute("aria-label");
    await page.reload();
    await expect(bar(page, task.key)).toHaveAttribute("aria-label", before!);
  });

  await test.step("the keyboard: Shift+ArrowRight makes it a day longer, ArrowLeft moves it back a day", async () => {
    await bar(page, task.key).focus();
    await page.keyboard.press("Shift+ArrowRight");
    await expect.poll(() => datesOf(request, owner, task.key)).toEqual({ startDate: day(3), dueDate: day(6) });
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => datesOf(request, owner, task.key)).toEqual({ startDate: day(2), dueDate: day(5) });
  });

  await test.step("a click opens the task", async () => {
    await bar(page, task.key).click();
    await expect(page.getByRole("dialog", { name: `Task ${task.key}` })).toBeVisible();
  });
});

test("a task dragged to another day on the calendar gets that due date; a reload and a teammate agree", async ({
  ownerPage: page,
  teammatePage: b,
  project,
  request,
  expectAccessible,
}) => {
  const owner = project.workspace.owner;
  const task = await createTask(request, project, owner, { title: "Ship the release", dueDate: day(0) });
  // A target in the grid whatever today is: the grid always shows the whole week around today.
  const target = new Date(Date.parse(day(0))).getUTCDay() === 0 ? day(-2) : day(1);
  const calendar = `/w/${project.workspace.slug}/p/${project.key}/calendar`;
  const chip = (p: Page, on: string) => p.locator(`[data-day="${on}"] [data-task="${task.key}"]`);

  await page.goto(calendar);
  await b.goto(calendar);
  await expect(chip(page, day(0))).toBeVisible();
  await expect(chip(b, day(0))).toBeVisible();
  await expectAccessible(page, "calendar");

  await test.step("drag the task to the other day", async () => {
    const from = (await chip(page, day(0)).boundingBox())!;
    const to = (await page.locator(`[data-day="${target}"]`).boundingBox())!;
    await page.mouse.move(from.x + 10, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + 30, from.y + from.height / 2, { steps: 4 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height - 12, { steps: 10 });
    await page.mouse.up();
    await expect(chip(page, target)).toBeVisible();
    await expect.poll(() => datesOf(request, owner, task.key)).toEqual({ startDate: null, dueDate: target });
  });

  await test.step("live for the teammate, kept after a reload", async () => {
    await expect(chip(b, target)).toBeVisible();
    await page.reload();
    await expect(chip(page, target)).toBeVisible();
  });

  await test.step("the keyboard moves it a week later", async () => {
    await chip(page, target).focus();
    await page.keyboard.press("ArrowDown");
    const weekLater = new Date(Date.parse(target) + 7 * 86_400_000).toISOString().slice(0, 10);
    await expect.poll(() => datesOf(request, owner, task.key)).toEqual({ startDate: null, dueDate: weekLater });
  });
});
