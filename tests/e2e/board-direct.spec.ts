import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { createTask, type TestProject, type TestUser } from "./support/api";

// The board as Trello and Linear users expect it: grab a card anywhere, select several, add inline,
// swimlanes, collapsed columns, WIP limits. See also board.spec.ts (keyboard moves, failed moves, paging).

// Each test walks several steps through a production build: room for a loaded machine.
test.describe.configure({ timeout: 300_000 });

const column = (p: Page | Locator, name: string) => p.getByTestId(`column-${name}`);
const boardUrl = (project: TestProject) => `/w/${project.workspace.slug}/p/${project.key}/board`;

/**
 * Mouse down on `from`, a few small steps (past the 5 px threshold), then over the left part of `to` (its centre
 * may sit near the board's scrolling edge, where dnd-kit scrolls on to the next column), and up.
 */
async function dragWithMouse(page: Page, from: Locator, to: Locator) {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 6, { steps: 5 });
  await page.mouse.move(b.x + Math.min(60, b.width / 2), b.y + 80, { steps: 15 });
  await page.mouse.up();
}

async function taskStatus(request: APIRequestContext, as: TestUser, key: string): Promise<{ status: string; position: string }> {
  const res = await request.get(`/api/v1/tasks/${key}`, { headers: { authorization: `Bearer ${as.token}` } });
  const body = (await res.json()) as { status: { name: string }; position: string };
  return { status: body.status.name, position: body.position };
}

async function cardKeys(col: Locator): Promise<string[]> {
  const ids = await col.locator('[data-testid^="card-"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")));
  return ids.map((id) => id!.slice("card-".length));
}

test("a card grabbed by its title moves with the mouse; a click opens it; a teammate sees the move live", async ({
  ownerPage: page,
  project,
  teammatePage: b,
  request,
}) => {
  const owner = project.workspace.owner;
  const task = await createTask(request, project, owner, { title: "Grab me by the title" });
  await page.goto(boardUrl(project));
  await b.goto(boardUrl(project));
  await expect(column(b, "Todo").getByTestId(`card-${task.key}`)).toBeVisible();

  await test.step("a click on the title, without moving, opens the task", async () => {
    await column(page, "Todo").getByRole("link", { name: task.title }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]task=${task.key}`));
    await expect(page.getByRole("dialog")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
  });
  await test.step("press on the title, drag to In Progress, release", async () => {
    await dragWithMouse(page, column(page, "Todo").getByRole("link", { name: task.title }), column(page, "In Progress"));
    await expect(column(page, "In Progress").getByTestId(`card-${task.key}`)).toBeVisible();
    await expect(column(page, "Todo").getByTestId(`card-${task.key}`)).toHaveCount(0);
    // The release over a card did not open it.
    await expect(page).not.toHaveURL(/[?&]task=/);
  });
  await test.step("saved: the teammate's board follows live, the API and a reload agree", async () => {
    await expect(column(b, "In Progress").getByTestId(`card-${task.key}`)).toBeVisible();
    await expect.poll(async () => (await taskStatus(request, owner, task.key)).status).toBe("In Progress");
    await page.reload();
    await expect(column(page, "In Progress").getByTestId(`card-${task.key}`)).toBeVisible();
  });
});

test("two selected cards (Shift-click and x) move together, in order, in one request", async ({
  ownerPage: page,
  project,
  teammatePage: b,
  request,
}) => {
  const owner = project.workspace.owner;
  const first = await createTask(request, project, owner, { title: "First of the pair" });
  const middle = await createTask(request, project, owner, { title: "Stays behind" });
  const second = await createTask(request, project, owner, { title: "Second of the pair" });
  await page.goto(boardUrl(project));
  await b.goto(boardUrl(project));
  const todo = column(page, "Todo");
  await expect(todo.getByTestId(`card-${second.key}`)).toBeVisible();

  await test.step("Shift-click one card, x on the other", async () => {
    await todo.getByRole("link", { name: first.title }).click({ modifiers: ["Shift"] });
    await expect(page).not.toHaveURL(/[?&]task=/);
    await todo.getByRole("button", { name: new RegExp(`^Move ${second.key}`) }).focus();
    await page.keyboard.press("x");
    await expect(page.getByRole("status").filter({ hasText: "2 selected" })).toBeVisible();
    await expect(todo.getByTestId(`card-${first.key}`)).toHaveAttribute("data-selected", "true");
    await expect(todo.getByTestId(`card-${middle.key}`)).toHaveAttribute("data-selected", "false");
  });
  await test.step("drag one of them by its title: both land in In Review, in board order, with one request", async () => {
    let moves = 0;
    page.on("request", (req) => {
      if (req.method() === "POST" && req.headers()["next-action"]) moves += 1;
    });
    await dragWithMouse(page, todo.getByRole("link", { name: second.title }), column(page, "In Review"));
    await expect.poll(() => cardKeys(column(page, "In Review"))).toEqual([first.key, second.key]);
    await expect.poll(async () => (await taskStatus(request, owner, second.key)).status).toBe("In Review");
    expect(moves, "server actions sent for the move").toBe(1);
    expect(await cardKeys(todo)).toEqual([middle.key]);
  });
  await test.step("saved in order: the API, a reload and the teammate agree", async () => {
    const [a, c] = [await taskStatus(request, owner, first.key), await taskStatus(request, owner, second.key)];
    expect(a.status).toBe("In Review");
    expect(a.position < c.position).toBe(true);
    await expect.poll(() => cardKeys(column(b, "In Review"))).toEqual([first.key, second.key]);
    await page.reload();
    await expect.poll(() => cardKeys(column(page, "In Review"))).toEqual([first.key, second.key]);
  });
});

test("quick add: three tasks typed in a column with the keyboard, once each", async ({ ownerPage: page, project, request }) => {
  await page.goto(boardUrl(project));
  const todo = column(page, "Todo");
  const titles = ["Draft the agenda", "Book the room", "Send the invites"];
  await test.step("open the box, type, Enter, three times; Esc closes it", async () => {
    await todo.getByRole("button", { name: "Add task to Todo" }).focus();
    await page.keyboard.press("Enter");
    const box = todo.getByRole("textbox", { name: "New task title in Todo" });
    await expect(box).toBeFocused();
    for (const title of titles) {
      await page.keyboard.type(title);
      await page.keyboard.press("Enter");
      await expect(box).toHaveValue("");
      await expect(box).toBeFocused();
      await expect(todo.getByText(title, { exact: true })).toBeVisible();
    }
    await page.keyboard.press("Escape");
    await expect(box).toHaveCount(0);
    await expect(todo.getByRole("button", { name: "Add task to Todo" })).toBeVisible();
  });
  await test.step("each shows once (the live event for it does not add a second), in the order typed; a reload agrees", async () => {
    await page.waitForTimeout(1500); // time for the live events of the three creates to arrive
    for (const title of titles) await expect(todo.getByText(title, { exact: true })).toHaveCount(1);
    const order = async () => (await todo.locator(".task-card-title").allTextContents()).filter((t) => titles.includes(t));
    expect(await order()).toEqual(titles);
    await page.reload();
    await expect.poll(order).toEqual(titles);
    const res = await request.get(`/api/v1/projects/${project.id}/tasks?limit=10`, {
      headers: { authorization: `Bearer ${project.workspace.owner.token}` },
    });
    expect(((await res.json()) as { data: unknown[] }).data).toHaveLength(3);
  });
});

test("the list's quick add creates in the chosen status", async ({ ownerPage: page, project }) => {
  await page.goto(`/w/${project.workspace.slug}/p/${project.key}/list`);
  await page.getByRole("button", { name: "Add task to Todo" }).click();
  await page.getByLabel("Status of new tasks").selectOption({ label: "In Progress" });
  const box = page.getByRole("textbox", { name: "New task title in In Progress" });
  await box.fill("Added from the list");
  await box.press("Enter");
  await expect(box).toHaveValue("");
  await expect(page.getByRole("link", { name: "Added from the list" })).toBeVisible();
});

test("board options: WIP limit from the workflow editor, swimlanes, collapsed columns; axe clean", async ({
  ownerPage: page,
  project,
  teammate,
  request,
  expectAccessible,
}) => {
  const owner = project.workspace.owner;
  const urgent = await createTask(request, project, owner, { title: "Fix the outage", priority: "urgent", assigneeIds: [owner.id] });
  const low = await createTask(request, project, owner, { title: "Tidy the wiki", priority: "low", assigneeIds: [teammate.id] });
  await test.step("a WIP limit of 1 on Todo, set in the project's workflow settings", async () => {
    await page.goto(`/w/${project.workspace.slug}/p/${project.key}/settings`);
    const limit = page.getByLabel("WIP limit of Todo");
    await limit.fill("1");
    await limit.blur();
    await expect
      .poll(async () => {
        const res = await request.get(`/api/v1/projects/${project.id}/statuses`, { headers: { authorization: `Bearer ${owner.token}` } });
        return ((await res.json()) as { data: { name: string; wipLimit: number | null }[] }).data.find((s) => s.name === "Todo")?.wipLimit;
      })
      .toBe(1);
  });
  await test.step("Todo holds two: marked over its limit, visibly and in its accessible name", async () => {
    await page.goto(boardUrl(project));
    const todo = column(page, "Todo");
    await expect(todo).toHaveAttribute("data-wip-over", "true");
    await expect(todo.getByText("Over WIP limit")).toBeVisible();
    await expect(todo.locator('[aria-label*="over the WIP limit"]')).toHaveCount(1);
    await expect(column(page, "In Progress")).toHaveAttribute("data-wip-over", "false");
  });
  await test.step("collapse In Progress; it stays collapsed after a reload", async () => {
    await column(page, "In Progress").getByRole("button", { name: "Collapse In Progress" }).click();
    await expect(column(page, "In Progress")).toHaveAttribute("data-collapsed", "true");
    await page.reload();
    await expect(column(page, "In Progress").getByRole("button", { name: "Expand In Progress" })).toHaveAttribute("aria-expanded", "false");
  });
  await test.step("swimlanes by priority, kept in the URL", async () => {
    await page.getByLabel("Swimlanes").selectOption("priority");
    await expect(page).toHaveURL(/[?&]lanes=priority/);
    await expect(page.getByTestId("lane-Urgent").getByTestId(`card-${urgent.key}`)).toBeVisible();
    await expect(page.getByTestId("lane-Low").getByTestId(`card-${low.key}`)).toBeVisible();
    await page.reload();
    await expect(page.getByTestId("lane-Urgent").getByTestId(`card-${urgent.key}`)).toBeVisible();
  });
  await test.step("by assignee: a card dragged to another person's lane is assigned to them", async () => {
    await page.getByLabel("Swimlanes").selectOption("assignee");
    const bob = page.getByTestId(`lane-${teammate.name}`);
    await expect(page.getByTestId(`lane-${owner.name}`).getByTestId(`card-${urgent.key}`)).toBeVisible();
    await dragWithMouse(page, page.getByRole("link", { name: "Fix the outage" }), column(bob, "Todo"));
    await expect(column(bob, "Todo").getByTestId(`card-${urgent.key}`)).toBeVisible();
    await expect
      .poll(async () => {
        const res = await request.get(`/api/v1/tasks/${urgent.key}`, { headers: { authorization: `Bearer ${owner.token}` } });
        return ((await res.json()) as { assignees: { id: string }[] }).assignees.map((a) => a.id);
      })
      .toEqual([teammate.id]);
  });
  await test.step("axe: lanes, a collapsed column, a selection and an open quick add", async () => {
    await page
      .getByTestId(`card-${low.key}`)
      .getByRole("link")
      .click({ modifiers: ["Shift"] });
    await column(page.getByTestId(`lane-${teammate.name}`), "Backlog")
      .getByRole("button", { name: /^Add task to Backlog/ })
      .click();
    await expect(page.getByRole("textbox", { name: /^New task title in Backlog/ })).toBeFocused();
    await expectAccessible(page, "board-options");
  });
});

test("favicon, app icons and manifest; the document title names the page", async ({ ownerPage: page, project, request }) => {
  await test.step("/favicon.ico, /icon.svg, /apple-icon.png and the manifest answer 200", async () => {
    const ico = await request.get("/favicon.ico");
    expect(ico.status()).toBe(200);
    expect(ico.headers()["content-type"]).toContain("image/");
    expect((await request.get("/icon.svg")).status()).toBe(200);
    expect((await request.get("/apple-icon.png")).status()).toBe(200);
    const manifest = await request.get("/manifest.webmanifest");
    expect(manifest.status()).toBe(200);
    const body = (await manifest.json()) as { name: string; icons: { src: string }[] };
    expect(body.name).toBe("Tasklane");
    for (const icon of body.icons) expect((await request.get(icon.src)).status(), icon.src).toBe(200);
  });
  await test.step("titles: board, list, task page", async () => {
    const task = await createTask(request, project, project.workspace.owner, { title: "Fix login" });
    const comment = await request.post(`/api/v1/tasks/${task.key}/comments`, {
      headers: { authorization: `Bearer ${project.workspace.owner.token}` },
      data: { body: "Seen on Safari too" },
    });
    expect(comment.status()).toBe(201);
    await page.goto(boardUrl(project));
    await expect(page).toHaveTitle(`Board · ${project.name} — Tasklane`);
    await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /icon|favicon/);
    await page.goto(`/w/${project.workspace.slug}/p/${project.key}/list`);
    await expect(page).toHaveTitle(`List · ${project.name} — Tasklane`);
    await page.goto(`/w/${project.workspace.slug}/t/${task.key}`);
    await expect(page).toHaveTitle(`${task.key} · Fix login — Tasklane`);
  });
  await test.step("relative times with the exact time on hover; the Mailbox entry while mail is local", async () => {
    const time = page.locator("time[datetime][title]").first();
    await expect(time).toHaveText(/just now|min\. ago/);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Mailbox" })).toBeVisible();
  });
});
