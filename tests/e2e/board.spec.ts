import { expect, test } from "./fixtures";
import { createTask, createTasks } from "./support/api";
import { attachScreenshot } from "./support/axe";
import type { Page } from "@playwright/test";

const column = (p: Page, name: string) => p.getByTestId(`column-${name}`);

test("the owner creates a project, then tasks from the board", async ({ ownerPage: page, workspace, expectAccessible }) => {
  await test.step("create the project", async () => {
    await page.goto(`/w/${workspace.slug}?new-project=1`);
    await page.getByLabel("Project name").fill("Launch");
    await page.getByLabel("Key").fill("LCH");
    await page.getByRole("button", { name: "Create project" }).click();
    await page.waitForURL(`**/w/${workspace.slug}/p/LCH/board`);
    await expect(page.getByTestId("board")).toBeVisible();
    await expectAccessible(page, "board-empty");
  });
  await test.step("create three tasks with the c shortcut", async () => {
    for (const title of ["Write the launch post", "Record the demo video", "Update the pricing page"]) {
      await page.keyboard.press("c");
      await page.getByLabel("Title").fill(title);
      await page.getByRole("button", { name: "Create task" }).click();
      await expect(page.getByRole("dialog")).toHaveCount(0);
      await expect(column(page, "Todo").getByText(title)).toBeVisible();
    }
    await expectAccessible(page, "board");
  });
});

test("a drag across columns is saved and a teammate sees it live", async ({ ownerPage: page, project, teammatePage: b, request }) => {
  const task = await createTask(request, project, project.workspace.owner, { title: "Write the launch post" });
  const board = `/w/${project.workspace.slug}/p/${project.key}/board`;
  await test.step("both open the board", async () => {
    await page.goto(board);
    await b.goto(board);
    await expect(column(b, "Todo").getByTestId(`card-${task.key}`)).toBeVisible();
  });
  await test.step("the owner drags the card to In Progress", async () => {
    const card = column(page, "Todo").getByTestId(`card-${task.key}`);
    const from = (await card.boundingBox())!;
    const to = (await column(page, "In Progress").boundingBox())!;
    await page.mouse.move(from.x + 20, from.y + from.height - 8);
    await page.mouse.down();
    await page.mouse.move(from.x + 40, from.y + from.height, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 15 });
    await page.mouse.up();
    await expect(column(page, "In Progress").getByTestId(`card-${task.key}`)).toBeVisible();
  });
  await test.step("the teammate's board follows live; a reload keeps it", async () => {
    await expect(column(b, "In Progress").getByTestId(`card-${task.key}`)).toBeVisible();
    await page.reload();
    await expect(column(page, "In Progress").getByTestId(`card-${task.key}`)).toBeVisible();
  });
});

test("the keyboard moves a card too", async ({ ownerPage: page, project, request }) => {
  const task = await createTask(request, project, project.workspace.owner, { title: "Record the demo video" });
  await page.goto(`/w/${project.workspace.slug}/p/${project.key}/board`);
  await test.step("space, arrow right, space", async () => {
    await column(page, "Todo")
      .getByRole("button", { name: new RegExp(`^Move ${task.key}`) })
      .focus();
    await page.keyboard.press("Space");
    await page.waitForTimeout(200);
    await page.keyboard.press("ArrowRight");
    await page.waitForTimeout(200);
    await page.keyboard.press("Space");
    await expect(column(page, "In Progress").getByTestId(`card-${task.key}`)).toBeVisible();
  });
  await test.step("saved: the API and a reload agree", async () => {
    await expect
      .poll(async () => {
        const res = await request.get(`/api/v1/tasks/${task.key}`, {
          headers: { authorization: `Bearer ${project.workspace.owner.token}` },
        });
        return ((await res.json()) as { status: { name: string } }).status.name;
      })
      .toBe("In Progress");
    await page.reload();
    await expect(column(page, "In Progress").getByTestId(`card-${task.key}`)).toBeVisible();
  });
});

test("phone width and dark theme: board, navigation, command palette", async ({ owner, project, request, newPageAs, expectAccessible }) => {
  await createTask(request, project, owner, { title: "Write the launch post" });
  const p = await newPageAs(owner, { phone: true, dark: true });
  await test.step("the board", async () => {
    await p.goto(`/w/${project.workspace.slug}/p/${project.key}/board`);
    await expect(p.getByTestId("board")).toBeVisible();
    await expectAccessible(p, "board-phone-dark");
  });
  await test.step("the navigation drawer", async () => {
    await p.getByRole("button", { name: "Open navigation" }).click();
    await expect(p.getByRole("link", { name: "Inbox" })).toBeVisible();
    await attachScreenshot(p, "nav-phone-dark");
  });
  await test.step("the command palette", async () => {
    await p.keyboard.press("Control+k");
    await expect(p.getByRole("combobox", { name: "Command" }).or(p.getByPlaceholder("Type a command or search…")).first()).toBeVisible();
    await attachScreenshot(p, "palette-phone-dark");
  });
});

test("a move shows at once and is undone, with a message, when the server fails", async ({ ownerPage: page, project, request }) => {
  const task = await createTask(request, project, project.workspace.owner, { title: "Update the pricing page" });
  await page.goto(`/w/${project.workspace.slug}/p/${project.key}/board`);
  const card = column(page, "Todo").getByTestId(`card-${task.key}`);
  await expect(card).toBeVisible();
  // The move's server action (a POST with a Next-Action header) is held, then fails on the network.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/*", async (route) => {
    const req = route.request();
    if (req.method() === "POST" && (await req.headerValue("next-action"))) {
      await held;
      return route.abort("failed");
    }
    return route.fallback();
  });
  await test.step("the card is in In Progress while the request is still out", async () => {
    const from = (await card.boundingBox())!;
    const to = (await column(page, "In Progress").boundingBox())!;
    await page.mouse.move(from.x + 20, from.y + from.height - 8);
    await page.mouse.down();
    await page.mouse.move(from.x + 40, from.y + from.height, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 15 });
    await page.mouse.up();
    await expect(column(page, "In Progress").getByTestId(`card-${task.key}`)).toBeVisible();
  });
  await test.step("the failure puts it back and says so", async () => {
    release();
    await expect(page.getByRole("alert").filter({ hasText: `Could not move “${task.title}”` })).toBeVisible();
    await expect(column(page, "Todo").getByTestId(`card-${task.key}`)).toBeVisible();
    await expect(column(page, "In Progress").getByTestId(`card-${task.key}`)).toHaveCount(0);
  });
});

test("a long column keeps only the cards on screen in the DOM", async ({ ownerPage: page, project, request, expectAccessible }) => {
  test.slow(); // 150 creates over the API before the browser part
  await createTasks(
    request,
    project,
    project.workspace.owner,
    Array.from({ length: 150 }, (_, i) => ({ title: `Board task ${i + 1}` })),
  );
  await page.goto(`/w/${project.workspace.slug}/p/${project.key}/board`);
  const todo = column(page, "Todo");
  await expect(todo.getByText("100 of 150")).toBeVisible();
  await test.step("a screenful of cards, not 100", async () => {
    await expect(todo.locator('[data-testid^="card-"]').first()).toBeVisible();
    expect(await todo.locator('[data-testid^="card-"]').count(), "cards in the DOM").toBeLessThanOrEqual(30);
    await expectAccessible(page, "board-long-column");
  });
  await test.step("scrolling the column renders its last loaded cards, and Load more the rest", async () => {
    const body = todo.locator(".column-body");
    await body.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await todo.getByRole("button", { name: "Load more tasks in Todo" }).click();
    await expect(todo.getByText("150 of 150").or(todo.getByText(/^150$/))).toBeVisible();
    await body.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(todo.locator('[data-testid^="card-"]').last()).toBeVisible();
    expect(await todo.locator('[data-testid^="card-"]').count(), "cards in the DOM").toBeLessThanOrEqual(30);
  });
});
