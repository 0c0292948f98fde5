import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { createTask, type TestProject } from "./support/api";

// Several steps and axe runs each, on a shared two-core machine.
test.describe.configure({ timeout: 180_000 });

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function call(request: APIRequestContext, project: TestProject, method: "GET" | "POST" | "PATCH", url: string, data?: unknown) {
  const res = await request.fetch(url, { method, data, headers: { authorization: `Bearer ${project.workspace.owner.token}` } });
  expect(res.ok(), `${method} ${url}: ${res.status()}`).toBe(true);
  return res.json();
}

test("start a cycle, plan a task with the picker, carry it over, see the burndown", async ({
  ownerPage: page,
  project,
  request,
  expectAccessible,
}) => {
  const base = `/w/${project.workspace.slug}/p/${project.key}`;
  const owner = project.workspace.owner;
  const open = await createTask(request, project, owner, { title: "Ship the sign-up flow" });
  const finished = await createTask(request, project, owner, { title: "Write the release notes" });

  await test.step("start a cycle on the Cycles tab", async () => {
    await page.goto(`${base}/cycles`);
    await expect(page.getByRole("heading", { name: "Cycles", level: 1 })).toBeVisible();
    await expect(async () => {
      await page.getByPlaceholder("Cycle name (optional)").fill("Sprint 1");
      await page.getByRole("button", { name: "Create cycle" }).click();
      await expect(page.getByRole("list", { name: "Cycles" }).locator("strong", { hasText: "Sprint 1" })).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 60_000 });
    await expect(page.locator('[aria-current="true"]')).toContainText("Current");
    await expectAccessible(page, "cycles-page");
  });
  const cycles = (await call(request, project, "GET", `/api/v1/projects/${project.id}/cycles`)).data as { id: string; name: string }[];
  const sprint1 = cycles.find((c) => c.name === "Sprint 1")!;
  const sprint2 = await call(request, project, "POST", `/api/v1/projects/${project.id}/cycles`, {
    name: "Sprint 2",
    startDate: day(14),
    endDate: day(27),
  });

  await test.step("plan a task in the cycle through the cycle picker on its card", async () => {
    await page.goto(`${base}/board`);
    const card = page.getByTestId(`card-${open.key}`);
    await expect(async () => {
      await card.getByRole("link", { name: open.title }).focus();
      await page.keyboard.press("y");
      await expect(page.getByRole("combobox", { name: /Search Cycle/ })).toBeFocused({ timeout: 3_000 });
    }).toPass({ timeout: 60_000 });
    await page
      .getByRole("listbox")
      .getByRole("option", { name: /Sprint 1/ })
      .click();
    await expect.poll(async () => (await call(request, project, "GET", `/api/v1/tasks/${open.key}`)).cycleId).toBe(sprint1.id);
    const statuses = (await call(request, project, "GET", `/api/v1/projects/${project.id}/statuses`)).data as {
      id: string;
      name: string;
    }[];
    const done = statuses.find((s) => s.name === "Done")!.id;
    await call(request, project, "PATCH", `/api/v1/tasks/${finished.key}`, { cycleId: sprint1.id, statusId: done });
    await page.goto(`${base}/board?cycle=current`);
    await expect(page.getByTestId(`card-${open.key}`)).toBeVisible();
    await expect(page.getByLabel("Cycle", { exact: true })).toHaveValue("current");
  });

  await test.step("complete the cycle: the unfinished task moves to the next one", async () => {
    await page.goto(`${base}/cycles`);
    await expect(async () => {
      await page.getByRole("button", { name: "Complete Sprint 1" }).click();
      await expect(page.getByRole("list", { name: "Cycles" }).locator(".badge", { hasText: "Completed" })).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 60_000 });
    expect((await call(request, project, "GET", `/api/v1/tasks/${open.key}`)).cycleId).toBe(sprint2.id);
    const trail = (await call(request, project, "GET", `/api/v1/tasks/${open.key}/activity`)).data as { type: string }[];
    expect(trail.at(-1)?.type).toBe("carried_over");
    await page.goto(`${base}/board?cycle=${sprint2.id}`);
    await expect(page.getByTestId(`card-${open.key}`)).toBeVisible();
    await expect(page.getByTestId(`card-${finished.key}`)).toHaveCount(0);
  });

  await test.step("see the burndown of the finished cycle", async () => {
    await page.goto(`${base}/cycles/${sprint1.id}`);
    await expect(page.getByRole("heading", { name: "Sprint 1", level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Burndown and burnup" })).toBeVisible();
    const tiles = page.getByRole("list", { name: "Headline figures" });
    await expect(tiles.getByRole("listitem").filter({ hasText: "Carried over" })).toContainText("1");
    await expect(tiles.getByRole("listitem").filter({ hasText: "Completed" })).toContainText("1");
    await expect(page.getByRole("table", { name: "Burndown and burnup" })).toBeAttached();
    await expectAccessible(page, "cycle-report");
  });
});
