import type { Browser, BrowserContext, Page } from "playwright-core";
import { audit, launch, newContext, run, signIn, signUp, test, unique } from "./lib";

const id = unique("e2e");
const alice = { name: "Alice Newcomer", email: `alice.${id}@example.com` };
const bob = { name: "Bob Teammate", email: `bob.${id}@example.com` };
const slug = id.toLowerCase();

let browser: Browser;
let aliceCtx: BrowserContext;
let bobCtx: BrowserContext;
let a: Page;
let b: Page;

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
  await audit(a, "20-settings-profile");
  await a.goto("/settings/tokens");
  await a.getByLabel("Token name").fill("e2e script");
  await a.getByRole("button", { name: "Create token" }).click();
  const token = await a.getByTestId("new-token").textContent();
  if (!token?.startsWith("tlp_")) throw new Error(`token not shown: ${token}`);
  const me = await fetch(`${process.env.E2E_BASE_URL}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  if (me.status !== 200) throw new Error(`token does not work: ${me.status}`);
  await audit(a, "21-settings-tokens");
  await a.reload();
  if (await a.getByTestId("new-token").count()) throw new Error("token shown again after reload");
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
