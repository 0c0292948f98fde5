import { randomBytes, randomInt } from "node:crypto";
import { expect } from "vitest";
import { api } from "./app";

export const PASSWORD = "correct horse battery staple 42";

export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

/**
 * A random client address, so per-IP limits of one test never touch another's. IPv6 (documentation
 * prefix, 64 random bits): files run in parallel and lease points per address, so a 16-bit space collided.
 */
export function randomIp(): string {
  const group = () => randomInt(0x10000).toString(16);
  return `2001:db8:${group()}:${group()}:${group()}:${group()}::1`;
}

export type TestUser = { id: string; email: string; name: string; token: string; ip: string };

export async function createUser(name = unique("user")): Promise<TestUser> {
  const email = `${name}@example.test`;
  const ip = randomIp();
  const reg = await api.post("/api/v1/auth/register", { name, email, password: PASSWORD }, { ip });
  expect(reg.status, JSON.stringify(reg.body)).toBe(201);
  const login = await api.post("/api/v1/auth/login", { email, password: PASSWORD }, { ip });
  expect(login.status, JSON.stringify(login.body)).toBe(200);
  return { id: reg.body.user.id, email, name, token: login.body.token, ip };
}

export type TestWorkspace = { slug: string; id: string; owner: TestUser };

/** A fresh tenant: an owner and a workspace of their own. */
export async function createTestWorkspace(owner?: TestUser): Promise<TestWorkspace> {
  const o = owner ?? (await createUser());
  const slug = unique("ws");
  const res = await api.post("/api/v1/workspaces", { name: `Workspace ${slug}`, slug }, { token: o.token });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { slug, id: res.body.id, owner: o };
}

/** Adds an existing user to a workspace with a role. */
export async function addToWorkspace(ws: TestWorkspace, user: TestUser, role: "owner" | "admin" | "member" | "guest"): Promise<void> {
  const res = await api.post(`/api/v1/workspaces/${ws.slug}/members`, { email: user.email, role }, { token: ws.owner.token });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

export function expectProblem(res: { status: number; body: any; headers: Headers }, status: number): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  expect(res.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
}
