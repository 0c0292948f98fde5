import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { database } from "@/db/client";
import { tasks } from "@/db/schema";
import { api } from "../helpers/app";
import { addToWorkspace, createUser, expectProblem } from "../helpers/factories";
import { addToProject, createTestProject } from "../helpers/projects";
import { createTestTask, createTestTeam, eventsOf } from "../helpers/tasks";

beforeAll(async () => {
  await database();
});

async function commentsText(taskId: string): Promise<string> {
  const db = await database();
  const [row] = await db.select({ text: tasks.commentsText }).from(tasks).where(eq(tasks.id, taskId));
  return row!.text;
}

describe("comments", () => {
  it("creates, lists, edits and deletes comments, keeping the searchable text in step", async () => {
    const { project, owner, member } = await createTestTeam();
    const task = await createTestTask(project, owner);
    const url = `/api/v1/tasks/${task.key}/comments`;
    const first = await api.post(url, { body: "  First **thought**  " }, { token: member.token });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.headers.get("etag")).toBe('"1"');
    expect(first.body).toEqual({
      id: expect.any(String),
      taskId: task.id,
      author: { id: member.id, name: member.name },
      body: "First **thought**",
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const second = (await api.post(url, { body: "Second" }, { token: owner.token })).body;
    expect(await commentsText(task.id)).toBe("First **thought**\nSecond");

    const page1 = await api.get(`${url}?limit=1`, { token: member.token });
    expect(page1.body.data.map((c: any) => c.id)).toEqual([first.body.id]);
    const page2 = await api.get(`${url}?limit=1&cursor=${page1.body.nextCursor}`, { token: member.token });
    expect(page2.body).toEqual({ data: [second], nextCursor: null });

    const edited = await api.patch(
      `/api/v1/comments/${first.body.id}`,
      { body: "Rethought" },
      { token: member.token, headers: { "if-match": '"1"' } },
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ body: "Rethought", version: 2 });
    expect(edited.headers.get("etag")).toBe('"2"');
    expectProblem(
      await api.patch(`/api/v1/comments/${first.body.id}`, { body: "stale" }, { token: member.token, headers: { "if-match": '"1"' } }),
      412,
    );
    expect(await commentsText(task.id)).toBe("Rethought\nSecond");

    expect((await api.delete(`/api/v1/comments/${first.body.id}`, { token: member.token })).status).toBe(204);
    expectProblem(await api.delete(`/api/v1/comments/${first.body.id}`, { token: member.token }), 404);
    expect(await commentsText(task.id)).toBe("Second");
    // Comment edits do not change the task's version.
    expect((await api.get(`/api/v1/tasks/${task.id}`, { token: owner.token })).body.version).toBe(1);

    const types = (await eventsOf(project.id)).map((e) => e.type);
    expect(types).toEqual(["task.created", "comment.created", "comment.created", "comment.updated", "comment.deleted"]);
  });

  it("makes the author a watcher", async () => {
    const { project, owner, member } = await createTestTeam();
    const task = await createTestTask(project, owner);
    await api.post(`/api/v1/tasks/${task.id}/comments`, { body: "hi" }, { token: member.token });
    const watchers = await api.get(`/api/v1/tasks/${task.id}/watchers`, { token: owner.token });
    expect(watchers.body.data.map((w: any) => w.id)).toEqual([member.id]);
  });

  it("records mentions of project-visible users by name without spaces or email local part", async () => {
    const { ws, project, owner } = await createTestProject(undefined, { visibility: "private" });
    const ada = await createUser(`ada${Date.now()}`);
    const outsider = await createUser();
    await addToWorkspace(ws, ada, "member");
    await addToWorkspace(ws, outsider, "member");
    await addToProject(ws, project.id, ada, "viewer");
    const task = await createTestTask(project, owner);
    const ownerHandle = owner.name.replace(/\s+/g, "").toUpperCase();
    const adaHandle = ada.email.split("@")[0]!;
    const outsiderHandle = outsider.email.split("@")[0]!;
    const body = `Ping @${ownerHandle} and @${adaHandle}. Not @${outsiderHandle} (private project), not \`@${adaHandle}x\`, not mail@${adaHandle}`;
    const res = await api.post(`/api/v1/tasks/${task.id}/comments`, { body }, { token: owner.token });
    expect(res.status).toBe(201);
    const event = (await eventsOf(project.id)).find((e) => e.type === "comment.created")!;
    expect(event.data.task).toEqual({ id: task.id, key: task.key, title: task.title });
    expect(event.data.comment).toMatchObject({ id: res.body.id, body });
    expect([...event.data.mentions].sort()).toEqual([owner.id, ada.id].sort());
  });

  it("refuses bad bodies with 422 and an unknown comment with 404", async () => {
    const { project, owner } = await createTestProject();
    const task = await createTestTask(project, owner);
    const url = `/api/v1/tasks/${task.id}/comments`;
    for (const body of [{}, { body: "" }, { body: "   " }, { body: 3 }, { body: "x".repeat(20_001) }, { body: "nul \u0000" }]) {
      const res = await api.post(url, body, { token: owner.token });
      expectProblem(res, 422);
      expect(res.body.errors[0].path).toBe("body");
    }
    const c = (await api.post(url, { body: "ok" }, { token: owner.token })).body;
    expectProblem(await api.patch(`/api/v1/comments/${c.id}`, { body: "" }, { token: owner.token }), 422);
    expectProblem(await api.patch(`/api/v1/comments/${c.id}`, {}, { token: owner.token }), 422);
    expectProblem(await api.patch(`/api/v1/comments/00000000-0000-4000-8000-000000000000`, { body: "x" }, { token: owner.token }), 404);
    expectProblem(await api.patch(`/api/v1/comments/nope`, { body: "x" }, { token: owner.token }), 404);
    expect(await commentsText(task.id)).toBe("ok");
    expect((await eventsOf(project.id)).filter((e) => e.type.startsWith("comment."))).toHaveLength(1);
  });
});
