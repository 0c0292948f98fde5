import { expect, test } from "./fixtures";
import { createTask, createTasks } from "./support/api";
import { attachScreenshot } from "./support/axe";

test("the list view groups, bulk-edits and stays virtualised with 300 tasks", async ({
  ownerPage: page,
  project,
  request,
  expectAccessible,
}) => {
  test.slow(); // 300 creates over the API before the browser part
  const owner = project.workspace.owner;
  const first = await createTask(request, project, owner, { title: "Write the launch post" });
  await test.step("300 more tasks over the API", async () => {
    await createTasks(
      request,
      project,
      owner,
      Array.from({ length: 300 }, (_, i) => ({ title: `Bulk task ${i + 1}`, priority: "low" })),
    );
  });
  const list = page.getByTestId("task-list");
  await test.step("only the visible rows are in the DOM", async () => {
    await page.goto(`/w/${project.workspace.slug}/p/${project.key}/list`);
    await expect(list.getByText(first.title)).toBeVisible();
    expect(await list.locator(".list-row").count(), "rows in the DOM").toBeLessThanOrEqual(80);
    await expectAccessible(page, "list");
  });
  await test.step("group by status and bulk-set a priority", async () => {
    await page.getByLabel("Group by").selectOption("status");
    await expect(list.locator(".list-group", { hasText: "Todo" })).toBeVisible();
    await list.getByLabel(`Select ${first.key}`, { exact: true }).check();
    await page
      .getByRole("region", { name: "Bulk edit" })
      .getByRole("button", { name: /^Priority/ })
      .click();
    await page.getByRole("listbox").getByRole("option", { name: "Urgent" }).click();
    await expect
      .poll(async () => {
        const res = await request.get(`/api/v1/tasks/${first.key}`, { headers: { authorization: `Bearer ${owner.token}` } });
        return ((await res.json()) as { priority: string }).priority;
      })
      .toBe("urgent");
    await attachScreenshot(page, "list-grouped");
  });
  await test.step("scrolling to the end renders the last rows", async () => {
    await list.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(list.getByText(/Bulk task \d+/).last()).toBeVisible();
  });
});

test("saved views and CSV export and import on the list", async ({ ownerPage: page, project, request, expectAccessible }) => {
  await createTask(request, project, project.workspace.owner, { title: "Fix the checkout", priority: "urgent" });
  const listUrl = `/w/${project.workspace.slug}/p/${project.key}/list`;
  await test.step("save the urgent filter as a view", async () => {
    await page.goto(`${listUrl}?priority=urgent`);
    await page.locator("summary", { hasText: /^Views$/ }).click();
    await page.getByLabel("Save view…").fill("Urgent only");
    await page.getByRole("button", { name: "Save view", exact: true }).click();
    await expect(page.getByRole("button", { name: "Urgent only", exact: true })).toBeVisible();
  });
  await test.step("open it again from the plain list", async () => {
    await page.goto(listUrl);
    await page.locator("summary", { hasText: /^Views$/ }).click();
    await page.getByRole("button", { name: "Urgent only", exact: true }).click();
    await page.waitForURL(/priority=urgent/);
  });
  await test.step("export the view as CSV over the session cookie", async () => {
    const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
    const csv = await page.request.get(href!);
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text.startsWith("key,title"), text.slice(0, 200)).toBe(true);
    expect(text).toContain("Fix the checkout");
  });
  await test.step("import: a bad row is reported, a good file is imported", async () => {
    const file = page.getByLabel("CSV file (the export's columns)");
    await page.locator("summary", { hasText: "Import CSV…" }).click();
    await file.setInputFiles({
      name: "t.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("title,priority\nImported from CSV,high\nBad row,extreme\n"),
    });
    await page.getByRole("button", { name: "Check file" }).click();
    await expect(page.getByText(/Row 2, priority/)).toBeVisible();
    await file.setInputFiles({ name: "t.csv", mimeType: "text/csv", buffer: Buffer.from("title,priority\nImported from CSV,high\n") });
    await page.getByRole("button", { name: "Check file" }).click();
    await page.getByRole("button", { name: "Import 1 tasks" }).click();
    await expect(page.getByText("Imported 1 tasks.")).toBeVisible();
    await expectAccessible(page, "list-views-csv");
  });
});
