import { expect, test } from "./fixtures";
import { createTask, PASSWORD, uniqueEmail } from "./support/api";
import { startServer } from "./setup/server";
import type { Page } from "@playwright/test";

// Security headers as the production build serves them (the e2e server is `next start` on the build).

const directive = (csp: string, name: string) => new RegExp(`(?:^|;\\s*)${name} ([^;]+)`).exec(csp)?.[1] ?? "";

test("every page and API response carries the security headers, with a fresh script nonce per page", async ({ request }) => {
  const nonces: string[] = [];
  for (const path of ["/signin", "/signup", "/api/health", "/api/v1/me", "/api/v1/openapi.json", "/api/docs", "/no-such-page"]) {
    const res = await request.get(path);
    const h = res.headers();
    const csp = h["content-security-policy"] ?? "";
    expect(csp, path).toContain("frame-ancestors 'none'");
    const scripts = directive(csp, "script-src");
    expect(scripts, path).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(scripts, path).not.toContain("'unsafe-inline'");
    expect(scripts, path).not.toContain("'unsafe-eval'");
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(h["permissions-policy"], path).toContain("camera=()");
    // The test server's APP_URL is http: no HSTS there (see the https server below).
    expect(h["strict-transport-security"], path).toBeUndefined();
    const nonce = /'nonce-([^']+)'/.exec(scripts)![1]!;
    nonces.push(nonce);
    if (path === "/signin") {
      // Every script in the page carries this response's nonce (Next's own and the theme script).
      const html = await res.text();
      const tags = html.match(/<script\b[^>]*>/g) ?? [];
      expect(tags.length).toBeGreaterThan(0);
      for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
    }
  }
  expect(new Set(nonces).size).toBe(nonces.length);
});

async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content.Security.Policy|Refused to (execute|load|apply|connect)/i.test(m.text())) violations.push(m.text());
  });
  await page.exposeFunction("__reportCsp", (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportCsp: (v: string) => void }).__reportCsp(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return violations;
}

test("the board, live updates and charts work under the policy with no violation", async ({ ownerPage: page, project, request }) => {
  const violations = await watchViolations(page);
  const owner = project.workspace.owner;
  const board = `/w/${project.workspace.slug}/p/${project.key}/board`;
  await test.step("the board renders and hydrates", async () => {
    await page.goto(board);
    await expect(page.getByTestId("board")).toBeVisible();
    // Hydrated: the keyboard shortcut opens the new-task dialog (a page whose scripts were blocked never
    // would); pressed again until hydration has attached the listener.
    await expect(async () => {
      await page.keyboard.press("c");
      await expect(page.getByRole("dialog")).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
  });
  await test.step("a task made elsewhere arrives through the Socket.IO connection", async () => {
    const task = await createTask(request, project, owner, { title: "Arrives live under the CSP" });
    await expect(page.getByTestId(`card-${task.key}`)).toBeVisible();
  });
  await test.step("the analytics charts (recharts, inline styles) render", async () => {
    await page.goto(`/w/${project.workspace.slug}/p/${project.key}/analytics`);
    await expect(page.getByRole("heading", { name: "Analytics", level: 1 })).toBeVisible();
    await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
  });
  await test.step("the audit log page", async () => {
    await page.goto(`/w/${project.workspace.slug}/settings/audit`);
    await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  });
  expect(violations).toEqual([]);
});

test("over https (production) the session cookie is __Secure-, Secure, HttpOnly, SameSite=Lax, and HSTS is sent", async () => {
  test.setTimeout(180_000);
  // The same build with an https APP_URL, as behind a TLS-terminating load balancer.
  const server = await startServer({ overrides: { APP_URL: "https://tasklane.example" } });
  try {
    const base = server.baseURL;
    const email = uniqueEmail("cookie");
    const reg = await fetch(`${base}/api/v1/auth/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Cookie Tester", email, password: PASSWORD }),
    });
    expect(reg.status).toBe(201);
    expect(reg.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    expect(reg.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");

    const csrf = await fetch(`${base}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
    expect(csrfCookies.join(";")).toContain("__Host-authjs.csrf-token=");
    const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookies.join("; "), "x-auth-return-redirect": "1" },
      body: new URLSearchParams({ csrfToken, email, password: PASSWORD, callbackUrl: "https://tasklane.example/" }),
    });
    const session = signIn.headers.getSetCookie().find((c) => c.startsWith("__Secure-authjs.session-token="));
    expect(session, signIn.headers.getSetCookie().join("\n")).toBeDefined();
    const attributes = session!.split(";").map((a) => a.trim().toLowerCase());
    expect(attributes).toContain("secure");
    expect(attributes).toContain("httponly");
    expect(attributes).toContain("samesite=lax");
    expect(attributes).toContain("path=/");
  } finally {
    await server.stop();
  }
});
