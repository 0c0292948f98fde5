import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../helpers/app";
import { buildWorld, expectStatus, type World } from "../helpers/contract";
import { addToWorkspace, createUser, expectProblem, PASSWORD, randomIp, unique, type TestUser } from "../helpers/factories";

// Contract, "Idempotency": a POST that creates accepts Idempotency-Key (per caller); a retry with the
// same key and body returns the first response and creates nothing new; the same key with another body → 409.

let w: World;
/** Workspace members not in the project yet, and people with an account but not in the workspace. */
let members: TestUser[];
let recruits: TestUser[];
beforeAll(async () => {
  w = await buildWorld();
  members = [await createUser(), await createUser()];
  recruits = [await createUser(), await createUser()];
  for (const m of members) await addToWorkspace(w.ws, m, "member");
}, 120_000);

type Create = {
  name: string;
  url: () => string;
  body: (n: number) => unknown;
  count: () => Promise<number>;
  token?: () => string;
  ip?: string;
};

const count =
  (url: string, token = () => w.owner.token) =>
  async (): Promise<number> => {
    const res = await api.get(url.includes("?") ? `${url}&limit=100` : `${url}?limit=100`, { token: token() });
    expectStatus(res, 200);
    return (res.body.data as unknown[]).length;
  };

const registerIp = randomIp();
const registerEmails = [`${unique("idem")}@example.test`, `${unique("idem")}@example.test`];

// Functions, so that the table exists when tests are collected and reads the world when they run.
const creates: Create[] = [
  {
    name: "POST /auth/register (public: keyed by client address)",
    url: () => "/api/v1/auth/register",
    body: (n) => ({ name: "Idem", email: registerEmails[n], password: PASSWORD }),
    count: async () =>
      (await api.post("/api/v1/auth/login", { email: registerEmails[0], password: PASSWORD }, { ip: randomIp() })).status === 200 ? 1 : 0,
    ip: registerIp,
  },
  { name: "POST /tokens", url: () => "/api/v1/tokens", body: (n) => ({ name: `tok-${n}` }), count: count("/api/v1/tokens") },
  {
    name: "POST /workspaces",
    url: () => "/api/v1/workspaces",
    body: (n) => ({ name: "W", slug: `idem-${w.ws.slug}-${n}`.slice(0, 40) }),
    count: count("/api/v1/workspaces"),
  },
  {
    name: "POST /workspaces/{slug}/members (201 member)",
    url: () => `/api/v1/workspaces/${w.ws.slug}/members`,
    body: (n) => ({ email: recruits[n]!.email, role: "member" }),
    count: () => count(`/api/v1/workspaces/${w.ws.slug}/members`)(),
  },
  {
    name: "POST /workspaces/{slug}/members (202 invitation)",
    url: () => `/api/v1/workspaces/${w.ws.slug}/members`,
    body: (n) => ({ email: `invitee-${n}-${w.ws.slug}@example.test`, role: "member" }),
    count: () => count(`/api/v1/workspaces/${w.ws.slug}/members`)(),
  },
  {
    name: "POST /workspaces/{slug}/projects",
    url: () => `/api/v1/workspaces/${w.ws.slug}/projects`,
    body: (n) => ({ name: `P${n}`, key: `I${w.project.key}`.slice(0, 9) + n }),
    count: () => count(`/api/v1/workspaces/${w.ws.slug}/projects`)(),
  },
  {
    name: "POST /workspaces/{slug}/webhooks",
    url: () => `/api/v1/workspaces/${w.ws.slug}/webhooks`,
    body: (n) => ({ url: `https://93.184.215.14/idem-${n}`, events: ["task.created"] }),
    count: () => count(`/api/v1/workspaces/${w.ws.slug}/webhooks`)(),
  },
  {
    name: "POST /projects/{id}/members",
    url: () => `/api/v1/projects/${w.project.id}/members`,
    body: (n) => ({ userId: members[n]!.id, role: "member" }),
    count: () => count(`/api/v1/projects/${w.project.id}/members`)(),
  },
  {
    name: "POST /projects/{id}/statuses",
    url: () => `/api/v1/projects/${w.project.id}/statuses`,
    body: (n) => ({ name: `S${n}`, category: "started" }),
    count: () => count(`/api/v1/projects/${w.project.id}/statuses`)(),
  },
  {
    name: "POST /projects/{id}/labels",
    url: () => `/api/v1/projects/${w.project.id}/labels`,
    body: (n) => ({ name: `idem-${n}` }),
    count: () => count(`/api/v1/projects/${w.project.id}/labels`)(),
  },
  {
    name: "POST /projects/{id}/tasks",
    url: () => `/api/v1/projects/${w.project.id}/tasks`,
    body: (n) => ({ title: `Idem ${n}` }),
    count: () => count(`/api/v1/projects/${w.project.id}/tasks`)(),
  },
  {
    name: "POST /projects/{id}/views",
    url: () => `/api/v1/projects/${w.project.id}/views`,
    body: (n) => ({ name: `V${n}`, filters: {} }),
    count: () => count(`/api/v1/projects/${w.project.id}/views`)(),
  },
  {
    name: "POST /projects/{id}/cycles",
    url: () => `/api/v1/projects/${w.project.id}/cycles`,
    body: (n) => ({ startDate: `2031-${String(n + 1).padStart(2, "0")}-01`, endDate: `2031-${String(n + 1).padStart(2, "0")}-05` }),
    count: () => count(`/api/v1/projects/${w.project.id}/cycles`)(),
  },
  {
    name: "POST /tasks/{idOrKey}/comments",
    url: () => `/api/v1/tasks/${w.tasks[0].id}/comments`,
    body: (n) => ({ body: `idem ${n}` }),
    count: () => count(`/api/v1/tasks/${w.tasks[0].id}/comments`)(),
  },
  {
    name: "POST /tasks/{idOrKey}/dependencies",
    url: () => `/api/v1/tasks/${w.tasks[1].id}/dependencies`,
    body: (n) => ({ blockedBy: n === 0 ? w.tasks[0].id : w.tasks[0].key }),
    count: async () => (await api.get(`/api/v1/tasks/${w.tasks[1].id}/dependencies`, { token: w.owner.token })).body.blockedBy.length,
  },
];

describe("Idempotency-Key: same key+body replays, other body → 409", () => {
  it("every create operation of the OpenAPI document accepts Idempotency-Key", async () => {
    const doc = (await api.get("/api/v1/openapi.json")).body;
    for (const [path, item] of Object.entries(doc.paths as Record<string, any>)) {
      const post = item.post;
      if (!post?.responses?.["201"]) continue;
      const header = (post.parameters ?? []).find(
        (p: { name: string; in: string }) => p.in === "header" && p.name.toLowerCase() === "idempotency-key",
      );
      expect(header, `${path} documents Idempotency-Key`).toBeDefined();
    }
  });

  for (const create of creates) {
    it(`${create.name}: the retry replays the first response and creates nothing; another body → 409`, async () => {
      const key = unique("key");
      const opts = {
        token: create.ip ? undefined : (create.token ?? (() => w.owner.token))(),
        ip: create.ip,
        headers: { "idempotency-key": key },
      };
      const first = await api.post(create.url(), create.body(0), opts);
      expect([201, 202], `${create.name}: ${JSON.stringify(first.body)}`).toContain(first.status);
      const before = await create.count();
      const retry = await api.post(create.url(), create.body(0), opts);
      expect(retry.status, create.name).toBe(first.status);
      expect(retry.body, create.name).toEqual(first.body);
      expect(await create.count(), create.name).toBe(before);
      const other = await api.post(create.url(), create.body(1), opts);
      expectProblem(other, 409);
      expect(await create.count(), create.name).toBe(before);
      // Keys are per caller: another user's identical key is a fresh request.
      if (!create.ip) {
        const someone = await createUser();
        const theirs = await api.post(create.url(), create.body(0), { token: someone.token, headers: { "idempotency-key": key } });
        expect(theirs.headers.get("idempotent-replayed"), create.name).toBeNull();
        expect(theirs.body?.id === undefined || theirs.body.id !== first.body?.id, create.name).toBe(true);
      }
    });
  }

  it("POST /tasks/{idOrKey}/attachments (multipart): same file replays, another file → 409", async () => {
    const key = unique("key");
    const upload = (text: string) => {
      const form = new FormData();
      form.set("file", new Blob([text], { type: "text/plain" }), "idem.txt");
      return api.post(`/api/v1/tasks/${w.tasks[0].id}/attachments`, undefined, {
        token: w.owner.token,
        rawBody: form,
        headers: { "idempotency-key": key },
      });
    };
    const first = await upload("one");
    expectStatus(first, 201);
    const retry = await upload("one");
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(
      (await api.get(`/api/v1/tasks/${w.tasks[0].id}/attachments`, { token: w.owner.token })).body.data.filter(
        (a: { id: string }) => a.id === first.body.id,
      ),
    ).toHaveLength(1);
    expectProblem(await upload("two"), 409);
  });

  it("POST /projects/{id}/tasks/import (text/csv): same CSV replays, another CSV or a dry run → not a replay", async () => {
    const key = unique("key");
    const url = `/api/v1/projects/${w.project.id}/tasks/import`;
    const send = (csv: string, query = "") =>
      api.post(url + query, undefined, {
        token: w.owner.token,
        rawBody: csv,
        headers: { "content-type": "text/csv", "idempotency-key": key },
      });
    const tasksNow = async () =>
      (await api.get(`/api/v1/projects/${w.project.id}/tasks?limit=100`, { token: w.owner.token })).body.data.length as number;
    const first = await send("title\nImported once\n");
    expectStatus(first, 201);
    const before = await tasksNow();
    const retry = await send("title\nImported once\n");
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(await tasksNow()).toBe(before);
    expectProblem(await send("title\nImported twice\n"), 409);
    expectProblem(await send("title\nImported once\n", "?dryRun=true"), 409);
    expect(await tasksNow()).toBe(before);
  });
});
