import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../helpers/app";
import { addToWorkspace, createUser, expectProblem } from "../helpers/factories";
import { startStub } from "../helpers/http-stub";
import { createTestProject } from "../helpers/projects";
import { waitFor } from "../helpers/realtime";
import { createTestTask } from "../helpers/tasks";
import { webhookPayloads } from "@/server/webhooks/payload";

// A loopback receiver (allowed here), fast retries, 3 attempts before a webhook is given up.
Object.assign(process.env, { WEBHOOK_ALLOW_PRIVATE: "true", WEBHOOK_RETRY_BASE_MS: "100", WEBHOOK_MAX_ATTEMPTS: "3" });
const receiver = await startStub();
let stop: () => Promise<void>;
beforeAll(async () => {
  const { startBackgroundWork } = await import("@/startup/workers");
  stop = (await startBackgroundWork()).stop;
});
afterAll(async () => {
  await stop?.();
  await receiver.close();
});

const hookUrl = (name: string) => `${receiver.url}/${name}`;
const hits = (name: string) => receiver.requests.filter((r) => r.path === `/${name}`);
const sign = (secret: string, body: string) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

describe("webhook management", () => {
  it("lets owners and admins manage webhooks; members get 403, strangers 404", async () => {
    const { ws, owner } = await createTestProject();
    const [admin, member, stranger] = [await createUser(), await createUser(), await createUser()];
    await addToWorkspace(ws, admin, "admin");
    await addToWorkspace(ws, member, "member");
    const body = { url: hookUrl("manage"), events: ["task.created"] };
    expectProblem(await api.post(`/api/v1/workspaces/${ws.slug}/webhooks`, body, { token: member.token }), 403);
    expectProblem(await api.get(`/api/v1/workspaces/${ws.slug}/webhooks`, { token: member.token }), 403);
    expectProblem(await api.post(`/api/v1/workspaces/${ws.slug}/webhooks`, body, { token: stranger.token }), 404);

    const created = await api.post(`/api/v1/workspaces/${ws.slug}/webhooks`, body, { token: admin.token });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      url: body.url,
      events: ["task.created"],
      secret: expect.stringMatching(/^whsec_/),
      active: true,
    });
    const given = await api.post(
      `/api/v1/workspaces/${ws.slug}/webhooks`,
      { ...body, secret: "my-own-secret-0123456789" },
      { token: owner.token },
    );
    expect(given.body.secret).toBe("my-own-secret-0123456789");

    const list = await api.get(`/api/v1/workspaces/${ws.slug}/webhooks`, { token: owner.token });
    expect(list.body.data.map((h: { id: string }) => h.id)).toEqual([given.body.id, created.body.id]);
    expect(list.body.data[0].secret).toBeUndefined(); // shown once only

    expectProblem(
      await api.post(
        `/api/v1/workspaces/${ws.slug}/webhooks`,
        { url: "ftp://example.com/x", events: ["task.created"] },
        { token: owner.token },
      ),
      422,
    );
    expectProblem(await api.post(`/api/v1/workspaces/${ws.slug}/webhooks`, { url: hookUrl("x"), events: [] }, { token: owner.token }), 422);
    expectProblem(
      await api.post(`/api/v1/workspaces/${ws.slug}/webhooks`, { url: hookUrl("x"), events: ["task.exploded"] }, { token: owner.token }),
      422,
    );
    expectProblem(
      await api.post(
        `/api/v1/workspaces/${ws.slug}/webhooks`,
        { url: hookUrl("x"), events: ["task.created"], secret: "short" },
        { token: owner.token },
      ),
      422,
    );

    expectProblem(await api.delete(`/api/v1/workspaces/${ws.slug}/webhooks/${created.body.id}`, { token: member.token }), 403);
    expectProblem(await api.get(`/api/v1/workspaces/${ws.slug}/webhooks/${created.body.id}/deliveries`, { token: member.token }), 403);
    expect((await api.delete(`/api/v1/workspaces/${ws.slug}/webhooks/${created.body.id}`, { token: admin.token })).status).toBe(204);
    expectProblem(await api.delete(`/api/v1/workspaces/${ws.slug}/webhooks/${created.body.id}`, { token: admin.token }), 404);
    expectProblem(await api.get(`/api/v1/workspaces/${ws.slug}/webhooks/${created.body.id}/deliveries`, { token: owner.token }), 404);
    // Another workspace's webhook is not found through this one.
    const other = await createTestProject();
    expectProblem(await api.delete(`/api/v1/workspaces/${other.ws.slug}/webhooks/${given.body.id}`, { token: other.owner.token }), 404);
  });
});

describe("webhook deliveries", () => {
  it("POSTs the chosen events, signed with the secret, and logs them", async () => {
    const { ws, project, owner } = await createTestProject();
    const hook = (
      await api.post(
        `/api/v1/workspaces/${ws.slug}/webhooks`,
        { url: hookUrl("signed"), events: ["task.created", "comment.created"] },
        { token: owner.token },
      )
    ).body;
    const task = await createTestTask(project, owner, { title: "Hooked" });
    await api.patch(`/api/v1/tasks/${task.key}`, { title: "Renamed" }, { token: owner.token }); // task.updated: not chosen
    await api.post(`/api/v1/tasks/${task.key}/comments`, { body: "hello" }, { token: owner.token });
    await waitFor(() => hits("signed").length === 2, "two deliveries");
    const [first, second] = hits("signed");
    for (const r of [first!, second!]) {
      expect(r.headers["content-type"]).toContain("application/json");
      expect(r.headers["x-signature"]).toBe(sign(hook.secret, r.body));
    }
    const created = JSON.parse(first!.body);
    expect(created).toMatchObject({
      id: expect.any(Number),
      type: "task.created",
      createdAt: expect.any(String),
      data: { id: task.id, title: "Hooked" },
    });
    expect(JSON.parse(second!.body)).toMatchObject({ type: "comment.created", data: { comment: { body: "hello" } } });
    expect(JSON.parse(second!.body).id).toBeGreaterThan(created.id);

    const log = await waitFor(async () => {
      const res = await api.get(`/api/v1/workspaces/${ws.slug}/webhooks/${hook.id}/deliveries`, { token: owner.token });
      return res.body.data.every((d: { status: string }) => d.status === "succeeded") && res.body;
    }, "the log to settle");
    expect(log.data).toHaveLength(2);
    expect(log.data.map((d: { type: string }) => d.type).sort()).toEqual(["comment.created", "task.created"]);
    expect(log.data[0]).toMatchObject({ attempts: 1, lastStatusCode: 200, completedAt: expect.any(String) });
  });

  it("sends task.updated as the OpenAPI document's webhooks section describes it: { task, changes: [{ field, from, to }] }", async () => {
    const { ws, project, owner } = await createTestProject();
    await api.post(`/api/v1/workspaces/${ws.slug}/webhooks`, { url: hookUrl("typed"), events: ["task.updated"] }, { token: owner.token });
    const task = await createTestTask(project, owner, { title: "Typed" });
    const done = project.statuses.find((s) => s.category === "completed")!;
    expect(
      (await api.patch(`/api/v1/tasks/${task.key}`, { statusId: done.id, assigneeIds: [owner.id] }, { token: owner.token })).status,
    ).toBe(200);
    const [hit] = await waitFor(() => hits("typed").length === 1 && hits("typed"), "the task.updated delivery");
    const body = JSON.parse(hit!.body);
    expect(body).toMatchObject({ type: "task.updated", projectId: project.id, data: { task: { id: task.id, status: { id: done.id } } } });
    expect(body.data.changes).toEqual([
      { field: "status", from: task.status.id, to: done.id },
      { field: "assignees", from: [], to: [owner.id] },
    ]);
    expect(webhookPayloads["task.updated"].parse(body)).toEqual(body);

    const doc = (await api.get("/api/v1/openapi.json")).body;
    const schemaOf = (ref: string) => doc.components.schemas[ref.split("/").pop()!];
    const envelope = schemaOf(doc.webhooks["task.updated"].post.requestBody.content["application/json"].schema.$ref);
    expect(Object.keys(body).sort()).toEqual(Object.keys(envelope.properties).sort());
    expect(Object.keys(body.data).sort()).toEqual(Object.keys(schemaOf(envelope.properties.data.$ref).properties).sort());
  });

  it("retries after failures with the same id and body, keeping events in order", async () => {
    const { ws, project, owner } = await createTestProject();
    const hook = (
      await api.post(`/api/v1/workspaces/${ws.slug}/webhooks`, { url: hookUrl("flaky"), events: ["task.created"] }, { token: owner.token })
    ).body;
    receiver.failNext.push(500, 503);
    const a = await createTestTask(project, owner, { title: "first" });
    const b = await createTestTask(project, owner, { title: "second" });
    await waitFor(() => hits("flaky").filter((r) => JSON.parse(r.body).data.id === b.id).length === 1, "the second event");
    const calls = hits("flaky").map((r) => ({
      id: JSON.parse(r.body).id,
      task: JSON.parse(r.body).data.id,
      body: r.body,
      sig: r.headers["x-signature"],
    }));
    // first: two failures then success, all identical; second only after the first succeeded.
    expect(calls.map((c) => c.task)).toEqual([a.id, a.id, a.id, b.id]);
    expect(new Set(calls.slice(0, 3).map((c) => c.body)).size).toBe(1);
    expect(new Set(calls.slice(0, 3).map((c) => c.sig)).size).toBe(1);
    const log = (await api.get(`/api/v1/workspaces/${ws.slug}/webhooks/${hook.id}/deliveries`, { token: owner.token })).body.data;
    const forA = log.find((d: { eventId: number }) => d.eventId === calls[0]!.id);
    expect(forA).toMatchObject({ status: "succeeded", attempts: 3, lastStatusCode: 200 });
  });

  it("disables a webhook that keeps failing and tells its owner", async () => {
    const { ws, project, owner } = await createTestProject();
    const admin = await createUser();
    await addToWorkspace(ws, admin, "admin");
    const hook = (
      await api.post(
        `/api/v1/workspaces/${ws.slug}/webhooks`,
        { url: `${receiver.url.replace(/:\d+$/, ":1")}/down`, events: ["task.created"] },
        { token: admin.token },
      )
    ).body;
    await createTestTask(project, owner, { title: "nobody listens" });
    const list = await waitFor(async () => {
      const res = await api.get(`/api/v1/workspaces/${ws.slug}/webhooks`, { token: owner.token });
      return res.body.data[0].active === false && res.body;
    }, "the webhook to be disabled");
    expect(list.data[0]).toMatchObject({
      id: hook.id,
      active: false,
      disabledAt: expect.any(String),
      disabledReason: expect.stringContaining("3 failed attempts"),
    });
    const log = (await api.get(`/api/v1/workspaces/${ws.slug}/webhooks/${hook.id}/deliveries`, { token: owner.token })).body.data;
    expect(log[0]).toMatchObject({ status: "failed", attempts: 3, lastStatusCode: null });
    const inbox = await waitFor(async () => {
      const res = await api.get("/api/v1/notifications", { token: admin.token });
      return res.body.data.find((n: { type: string }) => n.type === "webhook.disabled");
    }, "the owner's notification");
    expect(inbox.message).toContain("/down");
    // Later events are not queued for a disabled webhook.
    await createTestTask(project, owner, { title: "after" });
    await new Promise((r) => setTimeout(r, 500));
    expect((await api.get(`/api/v1/workspaces/${ws.slug}/webhooks/${hook.id}/deliveries`, { token: owner.token })).body.data).toHaveLength(
      1,
    );
  });
});
