import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { createTask, type TestProject } from "./support/api";

const column = (p: Page, name: string) => p.getByTestId(`column-${name}`);

// Several steps and axe runs each, on a shared two-core machine.
test.describe.configure({ timeout: 180_000 });

async function taskOf(request: APIRequestContext, project: TestProject, key: string) {
  const res = await request.get(`/api/v1/tasks/${key}`, { headers: { authorization: `Bearer ${project.workspace.owner.token}` } });
  return {
    status: res.status(),
    body: (await res.json()) as { status: { name: string }; priority: string; assignees: { name: string }[]; labels: { name: string }[] },
  };
}

test("assign a person with the keyboard only: focus the card, a, type, Enter", async ({
  ownerPage: page,
  project,
  teammate,
  request,
  expectAccessible,
}) => {
  const task = await createTask(request, project, project.workspace.owner, { title: "Write the launch post" });
  await page.goto(`/w/${project.workspace.slug}/p/${project.key}/board`);
  const card = column(page, "Todo").getByTestId(`card-${task.key}`);
  await card.getByRole("link", { name: "Write the launch post" }).focus();
  await page.keyboard.press("a");
  const search = page.getByRole("combobox", { name: /Search Assignees/ });
  await expect(search).toBeFocused();
  await expect(page.getByRole("listbox").getByRole("option").first()).toHaveText(/Assign to me/);
  await expectAccessible(page, "assignee-picker-open");
  await page.keyboard.type("Bob");
  await expect(page.getByRole("listbox").getByRole("option", { name: /Bob Teammate/ })).toHaveAttribute("aria-selected", "false");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("listbox").getByRole("option", { name: /Bob Teammate/ })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("listbox")).toHaveCount(0);
  await expect(card.getByRole("img", { name: `Assigned to ${teammate.name}` })).toBeVisible();
  await expect.poll(async () => (await taskOf(request, project, task.key)).body.assignees.map((a) => a.name)).toEqual([teammate.name]);
  await page.reload();
  await expect(
    column(page, "Todo")
      .getByTestId(`card-${task.key}`)
      .getByRole("img", { name: `Assigned to ${teammate.name}` }),
  ).toBeVisible();
});

test("status, priority and labels through the pickers; the context menu; undo a status change", async ({
  ownerPage: page,
  project,
  request,
  expectAccessible,
}) => {
  const task = await createTask(request, project, project.workspace.owner, { title: "Record the demo video" });
  await page.goto(`/w/${project.workspace.slug}/p/${project.key}/board`);
  const card = () => page.getByTestId(`card-${task.key}`);
  await test.step("right-click opens the actions menu", async () => {
    const menu = page.getByRole("menu", { name: `Actions for ${task.key}` });
    // Until the board has hydrated, a right-click gets the browser's own menu: click again until ours opens.
    await expect(async () => {
      await card().getByRole("link").click({ button: "right" });
      await expect(menu).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(menu.getByRole("menuitem").first()).toBeFocused();
    await expectAccessible(page, "card-context-menu");
    await page.keyboard.press("Escape");
    await expect(menu).toHaveCount(0);
  });
  await test.step("… → Priority… → Urgent", async () => {
    await card()
      .getByRole("button", { name: `Actions for ${task.key}` })
      .click();
    await page.getByRole("menuitem", { name: /Priority/ }).click();
    await page.keyboard.type("urg");
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await taskOf(request, project, task.key)).body.priority).toBe("urgent");
  });
  await test.step("l: create a label inline", async () => {
    await card().getByRole("link").focus();
    await page.keyboard.press("l");
    await page.keyboard.type("launch");
    await expect(page.getByRole("listbox").getByRole("option", { name: "Create label “launch”" })).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("listbox").getByRole("option", { name: "Create label “launch”" })).toHaveCount(0);
    await page.keyboard.press("Escape");
    await expect.poll(async () => (await taskOf(request, project, task.key)).body.labels.map((l) => l.name)).toEqual(["launch"]);
  });
  await test.step("s: status In Progress, then Undo from the toast", async () => {
    await card().getByRole("link").focus();
    await page.keyboard.press("s");
    await page.keyboard.type("progress");
    await page.keyboard.press("Enter");
    await expect(column(page, "In Progress").getByTestId(`card-${task.key}`)).toBeVisible();
    await page.getByRole("button", { name: "Undo" }).click();
    await expect(column(page, "Todo").getByTestId(`card-${task.key}`)).toBeVisible();
    await expect.poll(async () => (await taskOf(request, project, task.key)).body.status.name).toBe("Todo");
  });
  await test.step("the task drawer uses the same pickers", async () => {
    await card().getByRole("link").click();
    const drawer = page.getByRole("dialog", { name: `Task ${task.key}` });
    await drawer.getByRole("button", { name: "Priority: Urgent" }).click();
    await page.getByRole("listbox").getByRole("option", { name: "Low" }).click();
    await expect(drawer.getByRole("button", { name: "Priority: Low" })).toBeVisible();
    await expect(drawer.getByRole("button", { name: "Labels: launch" })).toBeVisible();
    await drawer.getByRole("button", { name: "Assign" }).click();
    await expectAccessible(page, "drawer-picker-open");
    await page.getByRole("listbox").getByRole("option", { name: "Assign to me" }).click();
    // Saved first; then the button shows it (Escape is not pressed: if the list has already closed, it would close the drawer).
    await expect.poll(async () => (await taskOf(request, project, task.key)).body.assignees.map((a) => a.name)).toEqual(["Alice Owner"]);
    await expect(drawer.getByRole("button", { name: /^Assignees: Alice Owner/ })).toBeVisible();
  });
});

test("undo a delete from the toast: the card is back after a reload; restore from the trash", async ({
  ownerPage: page,
  project,
  request,
}) => {
  const a = await createTask(request, project, project.workspace.owner, { title: "Update the pricing page" });
  const b = await createTask(request, project, project.workspace.owner, { title: "Fix the signup form" });
  const board = `/w/${project.workspace.slug}/p/${project.key}/board`;
  await page.goto(board);
  await test.step("Delete asks first, then Undo restores", async () => {
    await page.getByTestId(`card-${a.key}`).getByRole("link").focus();
    await page.keyboard.press("Delete");
    const confirm = page.getByRole("dialog", { name: `Delete ${a.key}?` });
    await confirm.getByRole("button", { name: "Delete", exact: true }).click();
    await expect(page.getByTestId(`card-${a.key}`)).toHaveCount(0);
    expect((await taskOf(request, project, a.key)).status).toBe(404);
    await page.getByRole("button", { name: "Undo" }).click();
    await expect(page.getByTestId(`card-${a.key}`)).toBeVisible();
    await page.reload();
    await expect(column(page, "Todo").getByTestId(`card-${a.key}`)).toBeVisible();
  });
  await test.step("a task deleted and left in the trash comes back from project settings", async () => {
    const res = await request.delete(`/api/v1/tasks/${b.key}`, { headers: { authorization: `Bearer ${project.workspace.owner.token}` } });
    expect(res.status()).toBe(204);
    await page.goto(`/w/${project.workspace.slug}/p/${project.key}/settings`);
    await page.getByRole("button", { name: `Restore ${b.key} Fix the signup form` }).click();
    await expect(page.getByText("The trash is empty.")).toBeVisible();
    await page.goto(board);
    await expect(column(page, "Todo").getByTestId(`card-${b.key}`)).toBeVisible();
  });
});

test("list rows: cells open the pickers, shortcuts act on the selected row", async ({ ownerPage: page, project, request }) => {
  const task = await createTask(request, project, project.workspace.owner, { title: "Prepare the release notes" });
  await page.goto(`/w/${project.workspace.slug}/p/${project.key}/list`);
  const row = page.getByRole("row").filter({ hasText: task.key });
  await row.getByRole("button", { name: "Status: Todo" }).click();
  await page.getByRole("listbox").getByRole("option", { name: "Done" }).click();
  await expect(row.getByRole("button", { name: "Status: Done" })).toBeVisible();
  await row.getByText(task.key, { exact: true }).click();
  await page.keyboard.press("p");
  await page.getByRole("listbox").getByRole("option", { name: "High" }).click();
  await expect(row.getByRole("button", { name: "Priority: High" })).toBeVisible();
  await expect.poll(async () => (await taskOf(request, project, task.key)).body.priority).toBe("high");
});
