import { randomBytes } from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";

// The public REST API (/api/v1), as a third party calls it: how the tests make their tenants.
export const PASSWORD = "correct horse battery staple 42";

export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

export type TestUser = { id: string; name: string; email: string; token: string };
export type TestWorkspace = { slug: string; name: string; owner: TestUser };
export type TestProject = { id: string; key: string; name: string; workspace: TestWorkspace };
export type TestTask = { id: string; key: string; title: string };

export function uniqueEmail(name: string): string {
  return `${unique(name.split(" ")[0]!.toLowerCase())}@example.test`;
}

type Body = Record<string, unknown>;

async function send<T>(
  api: APIRequestContext,
  method: "GET" | "POST" | "PATCH",
  url: string,
  token: string | null,
  data?: Body,
  expected = [200, 201],
): Promise<T> {
  // As a careful client does: a POST carries an Idempotency-Key, so a connection reset under load
  // (a keep-alive socket the server closed as it was reused) is retried without creating twice.
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (method === "POST") headers["idempotency-key"] = unique("e2e");
  const res = await retryOnReset(() => api.fetch(url, { method, data, headers }));
  expect(expected, `${method} ${url} answered ${res.status()}: ${await res.text()}`).toContain(res.status());
  return (await res.json()) as T;
}

async function retryOnReset<T>(call: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await call();
    } catch (error) {
      if (i >= attempts || !/ECONNRESET|socket hang up/.test(String(error))) throw error;
    }
  }
}

/** Registers and logs in: the login token is a real session token, revocable like the browser's. */
export async function createUser(api: APIRequestContext, name: string, email = uniqueEmail(name)): Promise<TestUser> {
  const reg = await send<{ user: { id: string } }>(api, "POST", "/api/v1/auth/register", null, { name, email, password: PASSWORD });
  const login = await send<{ token: string }>(api, "POST", "/api/v1/auth/login", null, { email, password: PASSWORD });
  return { id: reg.user.id, name, email, token: login.token };
}

export async function createWorkspace(api: APIRequestContext, owner: TestUser): Promise<TestWorkspace> {
  const slug = unique("ws");
  const name = `Acme ${slug.slice(3)}`;
  await send(api, "POST", "/api/v1/workspaces", owner.token, { name, slug });
  return { slug, name, owner };
}

/** An existing user joins at once (201); an unknown email would get an invitation instead. */
export async function addMember(
  api: APIRequestContext,
  ws: TestWorkspace,
  user: TestUser,
  role: "admin" | "member" | "guest",
): Promise<void> {
  await send(api, "POST", `/api/v1/workspaces/${ws.slug}/members`, ws.owner.token, { email: user.email, role }, [201]);
}

export async function createProject(api: APIRequestContext, ws: TestWorkspace, key = "LCH"): Promise<TestProject> {
  const name = `Launch ${unique("p").slice(2)}`;
  const project = await send<{ id: string }>(api, "POST", `/api/v1/workspaces/${ws.slug}/projects`, ws.owner.token, { name, key });
  return { id: project.id, key, name, workspace: ws };
}

export async function createTask(
  api: APIRequestContext,
  project: TestProject,
  as: TestUser,
  body: Body & { title: string },
): Promise<TestTask> {
  return send<TestTask>(api, "POST", `/api/v1/projects/${project.id}/tasks`, as.token, body, [201]);
}

/** Many tasks, 20 requests at a time. */
export async function createTasks(
  api: APIRequestContext,
  project: TestProject,
  as: TestUser,
  bodies: (Body & { title: string })[],
): Promise<void> {
  for (let i = 0; i < bodies.length; i += 20) {
    await Promise.all(bodies.slice(i, i + 20).map((body) => createTask(api, project, as, body)));
  }
}
