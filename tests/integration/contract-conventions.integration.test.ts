import { describe, expect, it } from "vitest";
import { api } from "../helpers/app";
import { expectStatus, expectStrongEtag, ISO_UTC, UUID } from "../helpers/contract";
import { createTestWorkspace, createUser, expectProblem, randomIp, unique } from "../helpers/factories";
import { addToProject, createProjectCast, createTestProject, uniqueKey } from "../helpers/projects";
import { createTestTask } from "../helpers/tasks";

// Contract, "Conventions": JSON, problem+json errors and their statuses, ids and times, dates.

describe("errors are application/problem+json with type, title, status, detail", () => {
  it("400 malformed JSON, 401 no or bad credentials, 403, 404, 409, 413, 415, 422 all carry the four members", async () => {
    const cast = await createProjectCast("private");
    const { project, owner, viewer, stranger } = cast;
    const url = `/api/v1/projects/${project.id}/tasks`;
    const cases: [number, Promise<{ status: number; body: any; headers: Headers }>][] = [
      [400, api.post(url, undefined, { token: owner.token, rawBody: "{nope", headers: { "content-type": "application/json" } })],
      [401, api.get("/api/v1/me")],
      [401, api.get("/api/v1/me", { token: "tl_not-a-real-token" })],
      [403, api.post(url, { title: "viewers cannot" }, { token: viewer.token })],
      [404, api.get(`/api/v1/projects/${project.id}`, { token: stranger.token })],
      [404, api.get("/api/v1/tasks/00000000-0000-4000-8000-000000000000", { token: owner.token })],
      [409, api.post(`/api/v1/workspaces/${cast.ws.slug}/projects`, { name: "Dup", key: project.key }, { token: owner.token })],
      [413, api.post(url, { title: "x", description: "y".repeat(3 * 1024 * 1024) }, { token: owner.token })],
      [
        415,
        api.post(url, undefined, {
          token: owner.token,
          rawBody: "title=x",
          headers: { "content-type": "application/x-www-form-urlencoded" },
        }),
      ],
      [422, api.post(url, { title: "" }, { token: owner.token })],
    ];
    for (const [status, pending] of cases) {
      const res = await pending;
      expectProblem(res, status);
      expect(res.body.status).toBe(res.status);
      expect(typeof res.body.type).toBe("string");
      expect(res.body.title.length).toBeGreaterThan(0);
      expect(res.body.detail.length).toBeGreaterThan(0);
    }
  });

  it("404 never leaks existence: an invisible project answers exactly like a missing one", async () => {
    const { project, stranger, guest } = await createProjectCast("private");
    const hidden = await api.get(`/api/v1/projects/${project.id}`, { token: guest.token });
    const missing = await api.get("/api/v1/projects/00000000-0000-4000-8000-000000000000", { token: guest.token });
    expectProblem(hidden, 404);
    expectProblem(missing, 404);
    expect(hidden.body.detail).toBe(missing.body.detail);
    expectProblem(await api.get(`/api/v1/projects/${project.id}/tasks`, { token: stranger.token }), 404);
  });

  it("429 rate limited (failed logins) with Retry-After", async () => {
    const u = await createUser();
    let last: any;
    for (let i = 0; i < 15; i++)
      last = await api.post("/api/v1/auth/login", { email: u.email, password: "wrong password 1234" }, { ip: randomIp() });
    expectProblem(last, 429);
    expect(last.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});

describe("validation errors add errors[{path,message}] with dotted paths like assigneeIds.0", () => {
  it("names the array element and nested fields", async () => {
    const { project, owner } = await createTestProject();
    const res = await api.post(
      `/api/v1/projects/${project.id}/tasks`,
      { title: "x", assigneeIds: ["not-a-uuid"], labelIds: [crypto.randomUUID(), 7], priority: "extreme" },
      { token: owner.token },
    );
    expectProblem(res, 422);
    const paths = (res.body.errors as { path: string; message: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["assigneeIds.0", "labelIds.1", "priority"]));
    for (const e of res.body.errors) expect(typeof e.message).toBe("string");
  });
});

describe("an empty or non-object body → 422", () => {
  it("on create and update, for '', [], 42, null and a string", async () => {
    const { project, owner } = await createTestProject();
    const task = await createTestTask(project, owner);
    for (const raw of ["", "[]", "42", "null", '"title"', "[{}]"]) {
      for (const [method, url] of [
        ["POST", `/api/v1/projects/${project.id}/tasks`],
        ["PATCH", `/api/v1/tasks/${task.id}`],
        ["PATCH", `/api/v1/projects/${project.id}`],
        ["POST", "/api/v1/workspaces"],
      ] as const) {
        const res = await (method === "POST" ? api.post : api.patch)(url, undefined, {
          token: owner.token,
          rawBody: raw,
          headers: { "content-type": "application/json" },
        });
        expect(res.status, `${method} ${url} ${JSON.stringify(raw)}: ${JSON.stringify(res.body)}`).toBe(422);
        expectProblem(res, 422);
      }
    }
    expect((await api.get(`/api/v1/tasks/${task.id}`, { token: owner.token })).body.version).toBe(task.version);
  });

  it("an empty object where something must change → 422", async () => {
    const { project, owner } = await createTestProject();
    const task = await createTestTask(project, owner);
    expectProblem(await api.post(`/api/v1/projects/${project.id}/tasks`, {}, { token: owner.token }), 422);
    expectProblem(await api.patch(`/api/v1/tasks/${task.id}`, {}, { token: owner.token }), 422);
  });
});

describe("a 5xx is never the answer to bad input", () => {
  it("odd ids, keys, numbers, dates and search syntax get 4xx", async () => {
    const { ws, project, owner } = await createTestProject();
    const task = await createTestTask(project, owner);
    const t = owner.token;
    const probes = [
      api.get(`/api/v1/tasks/${project.key}-99999999999999999999`, { token: t }),
      api.get(`/api/v1/tasks/${project.key}-0`, { token: t }),
      api.get("/api/v1/tasks/%E2%98%83", { token: t }),
      api.get("/api/v1/projects/not-a-uuid", { token: t }),
      api.get(`/api/v1/workspaces/${"x".repeat(100)}`, { token: t }),
      api.get(`/api/v1/projects/${project.id}/tasks?q=${encodeURIComponent(`"&|!():* <-> \\ ' -- ;`)}`, { token: t }),
      api.get(`/api/v1/projects/${project.id}/tasks?q=-`, { token: t }),
      api.get(`/api/v1/projects/${project.id}/tasks?dueBefore=99999-01-01`, { token: t }),
      api.get(`/api/v1/projects/${project.id}/tasks?dueBefore=0000-01-01&dueAfter=1%202%203`, { token: t }),
      api.get(`/api/v1/projects/${project.id}/tasks?dueAfter=2024-02-30`, { token: t }),
      api.get(`/api/v1/projects/${project.id}/tasks?limit=1e3`, { token: t }),
      api.get(`/api/v1/projects/${project.id}/tasks?status=${"a,".repeat(60)}`, { token: t }),
      api.get(`/api/v1/workspaces/${ws.slug}/tasks?assignee=me,none,${crypto.randomUUID()}&priority=urgent,none`, { token: t }),
      api.patch(`/api/v1/tasks/${task.id}`, { estimate: 1e308 }, { token: t }),
      api.patch(`/api/v1/tasks/${task.id}`, { position: "~~~~" }, { token: t }),
      api.patch(`/api/v1/tasks/${task.id}`, { parentId: task.id }, { token: t }),
      api.patch(`/api/v1/tasks/${task.id}`, { dueDate: "0000-01-01" }, { token: t }),
      api.patch(`/api/v1/tasks/${task.id}`, { title: "a\u0000b" }, { token: t }),
      api.patch(`/api/v1/tasks/${task.id}`, { statusId: crypto.randomUUID() }, { token: t }),
      api.patch(`/api/v1/tasks/${task.id}`, { title: "x" }, { token: t, headers: { "if-match": "garbage" } }),
      api.patch(`/api/v1/tasks/${task.id}`, { title: "x" }, { token: t, headers: { "if-match": '"99999999999999999999"' } }),
      api.post(`/api/v1/tasks/${task.id}/dependencies`, { blockedBy: `${project.key}-424242` }, { token: t }),
      api.get(`/api/v1/projects/${project.id}/analytics?from=2024-13-01`, { token: t }),
      api.post(`/api/v1/projects/${project.id}/tasks`, { title: "x" }, { token: t, headers: { "idempotency-key": "k".repeat(300) } }),
    ];
    for (const [i, res] of (await Promise.all(probes)).entries()) {
      expect(res.status, `probe ${i}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
      if (res.status >= 400) expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
  });
});

describe("ids are UUID strings; times are ISO-8601 UTC", () => {
  it("across user, token, workspace, project, status, label, task and comment", async () => {
    const { project, owner } = await createTestProject();
    const me = (await api.get("/api/v1/me", { token: owner.token })).body;
    const token = (await api.post("/api/v1/tokens", { name: "t", expiresInDays: 1 }, { token: owner.token })).body;
    const label = (await api.post(`/api/v1/projects/${project.id}/labels`, { name: "l" }, { token: owner.token })).body;
    const task = await createTestTask(project, owner, { labelIds: [label.id], assigneeIds: [owner.id] });
    const comment = (await api.post(`/api/v1/tasks/${task.id}/comments`, { body: "hi" }, { token: owner.token })).body;
    for (const id of [
      me.id,
      token.id,
      project.id,
      project.workspaceId,
      project.statuses[0]!.id,
      label.id,
      task.id,
      task.status.id,
      task.assignees[0]!.id,
      task.labels[0]!.id,
      task.reporter!.id,
      comment.id,
    ]) {
      expect(typeof id).toBe("string");
      expect(id).toMatch(UUID);
    }
    for (const at of [
      me.createdAt,
      token.expiresAt,
      (project as unknown as { createdAt: string }).createdAt,
      task.createdAt,
      task.updatedAt,
      comment.createdAt,
    ])
      expect(at).toMatch(ISO_UTC);
  });
});

describe("dueDate and startDate are YYYY-MM-DD; an ISO timestamp is accepted and its UTC date kept", () => {
  it("keeps the UTC date of a timestamp with an offset", async () => {
    const { project, owner } = await createTestProject();
    const task = await createTestTask(project, owner, { dueDate: "2030-01-31T23:30:00-05:00", startDate: "2030-01-02T01:00:00+03:00" });
    expect(task.dueDate).toBe("2030-02-01");
    expect(task.startDate).toBe("2030-01-01");
    const res = await api.patch(
      `/api/v1/tasks/${task.id}`,
      { dueDate: "2030-03-04", startDate: "2030-03-01T12:00:00Z" },
      { token: owner.token },
    );
    expect(res.body).toMatchObject({ dueDate: "2030-03-04", startDate: "2030-03-01" });
    expectProblem(await api.patch(`/api/v1/tasks/${task.id}`, { dueDate: "2030-02-30" }, { token: owner.token }), 422);
    expectProblem(await api.patch(`/api/v1/tasks/${task.id}`, { dueDate: "tomorrow" }, { token: owner.token }), 422);
    expect((await api.get(`/api/v1/tasks/${task.id}`, { token: owner.token })).body.dueDate).toBe("2030-03-04");
  });
});

describe("responses carry RateLimit-* headers as integers", () => {
  it("on successes and on errors", async () => {
    const { project, owner } = await createTestProject();
    const responses = [
      await api.get("/api/v1/me", { token: owner.token }),
      await api.post(`/api/v1/projects/${project.id}/tasks`, { title: "rl" }, { token: owner.token }),
      await api.get("/api/v1/tasks/00000000-0000-4000-8000-000000000000", { token: owner.token }),
      await api.post(`/api/v1/projects/${project.id}/tasks`, { title: "" }, { token: owner.token }),
      await api.get("/api/v1/me"),
    ];
    for (const res of responses) {
      for (const h of ["ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"])
        expect(res.headers.get(h), `${res.status} ${h}`).toMatch(/^\d+$/);
    }
  });
});

describe("limits: passwords 12–256 and not breached, slugs 3–40 of a-z0-9-, keys 2–10 of A-Z0-9 from a letter", () => {
  it("enforces each bound with 422, and unique keys and slugs with 409", async () => {
    const ip = randomIp();
    const reg = (password: string) =>
      api.post("/api/v1/auth/register", { name: "Pat", email: `${unique("lim")}@example.test`, password }, { ip });
    for (const [password, status] of [
      ["a".repeat(11), 422],
      ["q7".repeat(6), 201],
      ["z".repeat(255) + "9", 201],
      ["z".repeat(257), 422],
      ["password1234", 422],
    ] as const) {
      expect((await reg(password)).status, `${password.length} characters: ${password.slice(0, 16)}`).toBe(status);
    }

    const ws = await createTestWorkspace();
    const t = ws.owner.token;
    for (const slug of ["ab", "a".repeat(41), "Abc", "a_b", "a b"])
      expectProblem(await api.post("/api/v1/workspaces", { name: "W", slug }, { token: t }), 422);
    expectStatus(await api.post("/api/v1/workspaces", { name: "W", slug: `a-${unique("x")}`.slice(0, 40) }, { token: t }), 201);
    expectProblem(await api.post("/api/v1/workspaces", { name: "W", slug: ws.slug }, { token: t }), 409);
    for (const key of ["E", "ENGINEERING", "1AB", "eng", "EN-G"])
      expectProblem(await api.post(`/api/v1/workspaces/${ws.slug}/projects`, { name: "P", key }, { token: t }), 422);
    const key = uniqueKey("K");
    expectStatus(await api.post(`/api/v1/workspaces/${ws.slug}/projects`, { name: "P", key }, { token: t }), 201);
    expectProblem(await api.post(`/api/v1/workspaces/${ws.slug}/projects`, { name: "P2", key }, { token: t }), 409);
    const other = await createTestWorkspace(ws.owner);
    expectStatus(await api.post(`/api/v1/workspaces/${other.slug}/projects`, { name: "P", key }, { token: t }), 201);
  });
});

describe("PATCH with stale If-Match → 412 and changes nothing", () => {
  it('for a task, a project and a comment, each answering with a strong ETag: "<version>" that rises', async () => {
    const { project, owner } = await createTestProject();
    const t = owner.token;
    const created = await api.post(`/api/v1/projects/${project.id}/tasks`, { title: "v1" }, { token: t });
    expectStrongEtag(created);
    const comment = await api.post(`/api/v1/tasks/${created.body.id}/comments`, { body: "v1" }, { token: t });
    expectStrongEtag(comment);
    const resources = [
      {
        url: `/api/v1/tasks/${created.body.id}`,
        field: "title",
        read: async () => (await api.get(`/api/v1/tasks/${created.body.id}`, { token: t })).body,
      },
      {
        url: `/api/v1/projects/${project.id}`,
        field: "name",
        read: async () => (await api.get(`/api/v1/projects/${project.id}`, { token: t })).body,
      },
      {
        url: `/api/v1/comments/${comment.body.id}`,
        field: "body",
        read: async () =>
          ((await api.get(`/api/v1/tasks/${created.body.id}/comments`, { token: t })).body.data as any[]).find(
            (c) => c.id === comment.body.id,
          ),
      },
    ];
    for (const r of resources) {
      const before = await r.read();
      const ok = await api.patch(r.url, { [r.field]: "changed once" }, { token: t, headers: { "if-match": `"${before.version}"` } });
      expectStatus(ok, 200);
      expect(ok.body.version, r.url).toBeGreaterThan(before.version);
      expectStrongEtag(ok);
      const stale = await api.patch(r.url, { [r.field]: "changed twice" }, { token: t, headers: { "if-match": `"${before.version}"` } });
      expectProblem(stale, 412);
      const after = await r.read();
      expect(after[r.field], r.url).toBe("changed once");
      expect(after.version, r.url).toBe(ok.body.version);
    }
    expectStrongEtag(await api.get(`/api/v1/tasks/${created.body.id}`, { token: t }));
    expectStrongEtag(await api.get(`/api/v1/projects/${project.id}`, { token: t }));
  });
});

describe("409 on write to an archived project", () => {
  it("refuses every write, keeps GET with archivedAt, leaves the list; restore → 200 with the project", async () => {
    const { ws, project, owner } = await createTestProject();
    const member = await createUser();
    await api.post(`/api/v1/workspaces/${ws.slug}/members`, { email: member.email, role: "member" }, { token: owner.token });
    const task = await createTestTask(project, owner);
    const comment = (await api.post(`/api/v1/tasks/${task.id}/comments`, { body: "c" }, { token: owner.token })).body;
    const label = (await api.post(`/api/v1/projects/${project.id}/labels`, { name: "l" }, { token: owner.token })).body;
    expectStatus(await api.delete(`/api/v1/projects/${project.id}`, { token: owner.token }), 204);
    const t = owner.token;
    const writes = [
      api.post(`/api/v1/projects/${project.id}/tasks`, { title: "x" }, { token: t }),
      api.patch(`/api/v1/tasks/${task.id}`, { title: "x" }, { token: t }),
      api.delete(`/api/v1/tasks/${task.id}`, { token: t }),
      api.post(`/api/v1/tasks/${task.id}/comments`, { body: "x" }, { token: t }),
      api.patch(`/api/v1/comments/${comment.id}`, { body: "x" }, { token: t }),
      api.patch(`/api/v1/projects/${project.id}`, { name: "x" }, { token: t }),
      api.post(`/api/v1/projects/${project.id}/labels`, { name: "x" }, { token: t }),
      api.patch(`/api/v1/projects/${project.id}/labels/${label.id}`, { name: "y" }, { token: t }),
      api.post(`/api/v1/projects/${project.id}/statuses`, { name: "x", category: "started" }, { token: t }),
      api.post(`/api/v1/projects/${project.id}/members`, { userId: member.id, role: "member" }, { token: t }),
      api.post(`/api/v1/projects/${project.id}/views`, { name: "v", filters: {} }, { token: t }),
    ];
    for (const res of await Promise.all(writes)) expectProblem(res, 409);
    const got = await api.get(`/api/v1/projects/${project.id}`, { token: t });
    expectStatus(got, 200);
    expect(got.body.archivedAt).toMatch(ISO_UTC);
    expectStatus(await api.get(`/api/v1/tasks/${task.id}`, { token: t }), 200);
    const list = await api.get(`/api/v1/workspaces/${ws.slug}/projects`, { token: t });
    expect(list.body.data.map((p: { id: string }) => p.id)).not.toContain(project.id);
    const restored = await api.post(`/api/v1/projects/${project.id}/restore`, undefined, { token: t });
    expectStatus(restored, 200);
    expect(restored.body).toMatchObject({ id: project.id, archivedAt: null });
    expectStatus(await api.patch(`/api/v1/tasks/${task.id}`, { title: "after restore" }, { token: t }), 200);
  });
});

describe("auth: Bearer login token or personal access token on every /api/v1 route", () => {
  it("a personal access token works like a login token, and stops at once when revoked", async () => {
    const { project, owner } = await createTestProject();
    const pat = (await api.post("/api/v1/tokens", { name: "script" }, { token: owner.token })).body;
    expectStatus(await api.get(`/api/v1/projects/${project.id}/tasks`, { token: pat.token }), 200);
    expectStatus(await api.delete(`/api/v1/tokens/${pat.id}`, { token: owner.token }), 204);
    expectProblem(await api.get(`/api/v1/projects/${project.id}/tasks`, { token: pat.token }), 401);
  });

  it("the browser's session cookie works like a bearer token; a forged cookie → 401", async () => {
    const { project, owner } = await createTestProject();
    const { encode } = await import("next-auth/jwt");
    const jwt = await encode({ token: { sessionToken: owner.token }, secret: process.env.AUTH_SECRET!, salt: "authjs.session-token" });
    const cookie = `authjs.session-token=${jwt}`;
    expect((await api.get("/api/v1/me", { cookie })).body.id).toBe(owner.id);
    expectStatus(await api.post(`/api/v1/projects/${project.id}/tasks`, { title: "from the browser" }, { cookie }), 201);
    expectStatus(await api.get(`/api/v1/workspaces`, { cookie }), 200);
    expectProblem(await api.get("/api/v1/me", { cookie: "authjs.session-token=forged" }), 401);
  });

  it("project member rights follow the project: a viewer reads but cannot write (403)", async () => {
    const { ws, project } = await createTestProject();
    const viewer = await createUser();
    await api.post(`/api/v1/workspaces/${ws.slug}/members`, { email: viewer.email, role: "member" }, { token: ws.owner.token });
    await addToProject(ws, project.id, viewer, "viewer");
    expectStatus(await api.get(`/api/v1/projects/${project.id}/tasks`, { token: viewer.token }), 200);
    expectProblem(await api.post(`/api/v1/projects/${project.id}/tasks`, { title: "no" }, { token: viewer.token }), 403);
  });
});
