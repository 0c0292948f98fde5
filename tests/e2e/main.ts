import type { Browser, BrowserContext, Page } from "playwright-core";
import { audit, BASE, launch, newContext, run, screenshot, signIn, signUp, test, unique } from "./lib";

const id = unique("e2e");
const alice = { name: "Alice Newcomer", email: `alice.${id}@example.com` };
const bob = { name: "Bob Teammate", email: `bob.${id}@example.com` };
const slug = id.toLowerCase();

let browser: Browser;
let aliceCtx: BrowserContext;
let bobCtx: BrowserContext;
let a: Page;
let b: Page;
let apiToken = "";

test("a newcomer signs up and creates a workspace", async () => {
  browser = await launch();
  aliceCtx = await newContext(browser);
  a = await aliceCtx.newPage();
  await a.goto("/");
  await audit(a, "01-landing");
  await a.goto("/signup");
  await audit(a, "02-signup");
  await signUp(a, alice.name, alice.email);
  await a.getByRole("heading", { name: `Welcome, ${alice.name}` }).waitFor();
  await audit(a, "03-create-workspace");
  await a.getByLabel("Workspace name").fill("Acme E2E");
  await a.getByLabel("URL").fill(slug);
  await a.getByRole("button", { name: "Create workspace" }).click();
  await a.waitForURL(`**/w/${slug}`);
  await a.getByRole("heading", { name: "Acme E2E" }).waitFor();
});

test("a bad sign-in is refused next to the form", async () => {
  const ctx = await newContext(browser);
  const p = await ctx.newPage();
  await signIn(p, alice.email, "wrong password entirely");
  await p.getByRole("alert").filter({ hasText: "Invalid email or password" }).waitFor();
  await audit(p, "04-signin-error");
  await ctx.close();
});

test("the owner invites a teammate by email, who accepts from the mailbox", async () => {
  await a.goto(`/w/${slug}/settings`);
  await a.getByLabel("Email", { exact: true }).fill(bob.email);
  await a.getByLabel("Role", { exact: true }).selectOption("member");
  await a.getByRole("button", { name: "Invite" }).click();
  await a.getByRole("status").filter({ hasText: `Invitation sent to ${bob.email}` }).waitFor();
  await audit(a, "05-workspace-settings");

  bobCtx = await newContext(browser);
  b = await bobCtx.newPage();
  await signUp(b, bob.name, bob.email);
  await b.goto("/mailbox");
  const link = b.getByRole("link", { name: /\/invitations\/tli_/ }).first();
  await link.waitFor();
  await audit(b, "06-mailbox");
  await link.click();
  await b.getByRole("button", { name: "Accept invitation" }).click();
  await b.waitForURL(`**/w/${slug}`);
});

test("the owner changes the teammate's role; the teammate sees the workspace", async () => {
  await a.goto(`/w/${slug}/settings`);
  const role = a.getByLabel(`Role of ${bob.name}`);
  await role.selectOption("admin");
  await a.waitForTimeout(300);
  await a.reload();
  if ((await a.getByLabel(`Role of ${bob.name}`).inputValue()) !== "admin") throw new Error("role change did not stick");
  await a.getByLabel(`Role of ${bob.name}`).selectOption("member");
});

test("user settings pages: profile, tokens shown once", async () => {
  await a.goto("/settings/profile");
  await audit(a, "05a-settings-profile");
  await a.goto("/settings/tokens");
  await a.getByLabel("Token name").fill("e2e script");
  await a.getByRole("button", { name: "Create token" }).click();
  const token = (apiToken = (await a.getByTestId("new-token").textContent()) ?? "");
  if (!token?.startsWith("tlp_")) throw new Error(`token not shown: ${token}`);
  const me = await fetch(`${process.env.E2E_BASE_URL}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  if (me.status !== 200) throw new Error(`token does not work: ${me.status}`);
  await audit(a, "05b-settings-tokens");
  await a.reload();
  if (await a.getByTestId("new-token").count()) throw new Error("token shown again after reload");
});

const column = (p: Page, name: string) => p.getByTestId(`column-${name}`);

test("the owner creates a project and tasks from the board", async () => {
  await a.goto(`/w/${slug}?new-project=1`);
  await a.getByLabel("Project name").fill("Launch");
  await a.getByLabel("Key").fill("LCH");
  await a.getByRole("button", { name: "Create project" }).click();
  await a.waitForURL(`**/w/${slug}/p/LCH/board`);
  await a.getByTestId("board").waitFor();
  await audit(a, "07-board-empty");
  for (const title of ["Write the launch post", "Record the demo video", "Update the pricing page"]) {
    await a.keyboard.press("c");
    await a.getByLabel("Title").fill(title);
    await a.getByRole("button", { name: "Create task" }).click();
    await a.getByRole("dialog").waitFor({ state: "detached" });
    await column(a, "Todo").getByText(title).waitFor();
  }
  await audit(a, "08-board");
});

test("a drag across columns is saved and a teammate sees it live", async () => {
  await b.goto(`/w/${slug}/p/LCH/board`);
  await column(b, "Todo").getByTestId("card-LCH-1").waitFor();
  const card = column(a, "Todo").getByTestId("card-LCH-1");
  const from = (await card.boundingBox())!;
  const to = (await column(a, "In Progress").boundingBox())!;
  await a.mouse.move(from.x + 20, from.y + from.height - 8);
  await a.mouse.down();
  await a.mouse.move(from.x + 40, from.y + from.height, { steps: 5 });
  await a.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 15 });
  await a.mouse.up();
  await column(a, "In Progress").getByTestId("card-LCH-1").waitFor();
  await column(b, "In Progress").getByTestId("card-LCH-1").waitFor({ timeout: 15_000 });
  await a.reload();
  await column(a, "In Progress").getByTestId("card-LCH-1").waitFor();
});

test("the keyboard moves a card too", async () => {
  await column(a, "Todo").getByRole("button", { name: /^Move LCH-2/ }).focus();
  await a.keyboard.press("Space");
  await a.waitForTimeout(200);
  await a.keyboard.press("ArrowRight");
  await a.waitForTimeout(200);
  await a.keyboard.press("Space");
  await column(a, "In Progress").getByTestId("card-LCH-2").waitFor();
  await column(b, "In Progress").getByTestId("card-LCH-2").waitFor();
});

test("a comment with an @mention raises the teammate's bell", async () => {
  const before = Number((await b.getByTestId("bell-count").textContent().catch(() => "0")) || 0);
  await column(a, "In Progress").getByRole("link", { name: "Write the launch post" }).click();
  const drawer = a.getByRole("dialog", { name: "Task LCH-1" });
  await drawer.getByRole("combobox", { name: "Write a comment" }).waitFor();
  await audit(a, "09-task-drawer");
  const box = drawer.getByRole("combobox", { name: "Write a comment" });
  await box.pressSequentially("Can you review this, @Bo");
  await drawer.getByRole("option", { name: /Bob Teammate/ }).waitFor();
  await box.press("Enter");
  await box.pressSequentially("before Friday?");
  if (!(await box.inputValue()).includes("@BobTeammate before Friday?")) throw new Error(`mention not inserted: ${await box.inputValue()}`);
  await drawer.getByRole("button", { name: "Comment" }).click();
  await drawer.getByTestId("comment").filter({ hasText: "before Friday?" }).waitFor();
  await b.getByTestId("bell-count").filter({ hasText: String(before + 1) }).waitFor({ timeout: 15_000 });
  await screenshot(b, "10-teammate-bell");
});

test("the task page edits inline and renders markdown safely", async () => {
  await a.goto(`/w/${slug}/t/LCH-1`);
  await a.getByRole("button", { name: "Edit" }).click();
  await a.getByLabel("Description (markdown)").fill("**Bold plan** <img src=x onerror=\"window.__xss=1\"> [link](javascript:alert(1))");
  await a.getByRole("button", { name: "Save", exact: true }).click();
  await a.locator(".markdown strong", { hasText: "Bold plan" }).waitFor();
  if (await a.evaluate(() => (window as unknown as { __xss?: number }).__xss)) throw new Error("markdown ran a script");
  if (await a.locator('.markdown a[href^="javascript"]').count()) throw new Error("javascript: link survived");
  await a.getByLabel("Priority").selectOption("high");
  await a.getByText("changed priority").waitFor();
  await audit(a, "11-task-page");
});

test("the list view groups, bulk-edits and stays virtualised with many tasks", async () => {
  const res = await fetch(`${BASE}/api/v1/workspaces/${slug}/projects`, { headers: { authorization: `Bearer ${apiToken}` } });
  if (!res.ok) throw new Error(`listing projects over the API: ${res.status} ${await res.text()}`);
  const lch = ((await res.json()) as { data: { id: string; key: string }[] }).data.find((p) => p.key === "LCH")!;
  for (let i = 0; i < 300; i += 20) {
    await Promise.all(
      Array.from({ length: 20 }, (_, j) =>
        fetch(`${BASE}/api/v1/projects/${lch.id}/tasks`, { method: "POST", headers: { authorization: `Bearer ${apiToken}`, "content-type": "application/json" }, body: JSON.stringify({ title: `Bulk task ${i + j + 1}`, priority: "low" }) }),
      ),
    );
  }
  await a.goto(`/w/${slug}/p/LCH/list`);
  const list = a.getByTestId("task-list");
  await list.getByText("Write the launch post").waitFor();
  const rendered = await list.locator(".list-row").count();
  if (rendered > 80) throw new Error(`list is not virtualised: ${rendered} rows in the DOM`);
  await audit(a, "12-list");
  await a.getByLabel("Group by").selectOption("status");
  await list.locator(".list-group", { hasText: "Todo" }).waitFor();
  await list.getByLabel("Select LCH-3").check();
  await a.getByLabel("Set priority").selectOption("urgent");
  await a.getByText("Updated 1 task(s)").waitFor();
  await screenshot(a, "13-list-grouped");
  await list.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await list.getByText(/Bulk task \d+/).last().waitFor();
});

test("saved views and CSV export/import on the list", async () => {
  await a.goto(`/w/${slug}/p/LCH/list?priority=urgent`);
  await a.locator("summary", { hasText: /^Views$/ }).click();
  await a.getByLabel("Save view…").fill("Urgent only");
  await a.getByRole("button", { name: "Save view", exact: true }).click();
  await a.getByRole("button", { name: "Urgent only", exact: true }).waitFor();
  await a.goto(`/w/${slug}/p/LCH/list`);
  await a.locator("summary", { hasText: /^Views$/ }).click();
  await a.getByRole("button", { name: "Urgent only", exact: true }).click();
  await a.waitForURL(/priority=urgent/);
  const href = await a.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  const csv = await a.request.get(href!);
  if (!csv.ok() || !(await csv.text()).startsWith("key,title")) throw new Error(`export over the session cookie: ${csv.status()}`);
  await a.locator("summary", { hasText: "Import CSV…" }).click();
  await a.getByLabel("CSV file (the export's columns)").setInputFiles({ name: "t.csv", mimeType: "text/csv", buffer: Buffer.from("title,priority\nImported from CSV,high\nBad row,extreme\n") });
  await a.getByRole("button", { name: "Check file" }).click();
  await a.getByText(/Row 2, priority/).waitFor();
  await a.getByLabel("CSV file (the export's columns)").setInputFiles({ name: "t.csv", mimeType: "text/csv", buffer: Buffer.from("title,priority\nImported from CSV,high\n") });
  await a.getByRole("button", { name: "Check file" }).click();
  await a.getByRole("button", { name: "Import 1 tasks" }).click();
  await a.getByText("Imported 1 tasks.").waitFor();
  await audit(a, "24-list-views-csv");
});

test("project settings, workspace home, inbox and preferences pass axe", async () => {
  await a.goto(`/w/${slug}/p/LCH/settings`);
  await a.getByRole("heading", { name: "Workflow" }).waitFor();
  await a.getByLabel("New label name").fill("marketing");
  await a.getByRole("button", { name: "Add label" }).click();
  await a.getByLabel("Name of label marketing").waitFor();
  await audit(a, "14-project-settings");
  await a.goto(`/w/${slug}`);
  await audit(a, "15-workspace-home");
  await b.goto("/notifications");
  await b.getByTestId("notification").first().waitFor();
  await audit(b, "16-inbox");
  await b.getByRole("button", { name: "Mark all as read" }).click();
  await b.getByText("All read").waitFor();
  await b.goto("/settings/notifications");
  await audit(b, "17-notification-preferences");
});

test("analytics: the project tab, the printable report and the workspace overview", async () => {
  await a.goto(`/w/${slug}/p/LCH/analytics`);
  await a.getByRole("heading", { name: "Analytics", level: 1 }).waitFor();
  await audit(a, "21-project-analytics");
  await a.goto(`/w/${slug}/p/LCH/report`);
  await a.getByRole("heading", { level: 1 }).first().waitFor();
  await audit(a, "22-project-report");
  await a.goto(`/w/${slug}/analytics`);
  await a.getByRole("heading", { name: "Analytics", level: 1 }).waitFor();
  await audit(a, "23-workspace-analytics");
});

test("phone width and dark theme", async () => {
  const phone = await newContext(browser, { phone: true, dark: true });
  await phone.addCookies(await aliceCtx.cookies());
  const p = await phone.newPage();
  await p.goto(`/w/${slug}/p/LCH/board`);
  await p.getByTestId("board").waitFor();
  await audit(p, "18-board-phone-dark");
  await p.getByRole("button", { name: "Open navigation" }).click();
  await p.getByRole("link", { name: "Inbox" }).waitFor();
  await screenshot(p, "19-nav-phone-dark");
  await p.keyboard.press("Control+k");
  await p.getByRole("combobox", { name: "Command" }).waitFor().catch(async () => p.getByPlaceholder("Type a command or search…").waitFor());
  await screenshot(p, "20-palette-phone-dark");
  await phone.close();
});

test("sign-out revokes the session", async () => {
  const cookies = await bobCtx.cookies();
  await b.goto(`/w/${slug}`);
  await b.getByRole("button", { name: "Sign out" }).click();
  await b.waitForURL("**/signin");
  // The old cookie, replayed, no longer works: the session row was revoked.
  const ctx = await newContext(browser);
  await ctx.addCookies(cookies);
  const p = await ctx.newPage();
  await p.goto(`/w/${slug}`);
  await p.waitForURL("**/signin**");
  await ctx.close();
});

async function main() {
  const failures = await run();
  await browser?.close().catch(() => undefined);
  process.exit(failures ? 1 : 0);
}
void main();
