import { describe, expect, it } from "vitest";
import { api, request } from "../helpers/app";
import { expectProblem } from "../helpers/factories";
import { createTestTask, createTestTeam } from "../helpers/tasks";

// Text PostgreSQL cannot store (NUL, unpaired surrogates) is refused with a 422 naming the field, wherever it comes in.
async function problemOf(res: Response) {
  const body = await res.json();
  expectProblem({ status: res.status, body, headers: res.headers }, 422);
  return body as { errors: { path: string; message: string }[] };
}

describe("unstorable text", () => {
  it("in a JSON body field, nested too: 422 naming it, and the task is unchanged", async () => {
    const { project, owner } = await createTestTeam();
    const task = await createTestTask(project, owner, { title: "Before" });
    const res = await request("PATCH", `/api/v1/tasks/${task.id}`, {
      token: owner.token,
      rawBody: '{"title":"\\ud800"}',
      headers: { "content-type": "application/json" },
    });
    expect((await problemOf(res)).errors).toEqual([{ path: "title", message: expect.stringContaining("cannot be stored") }]);
    const nested = await api.put("/api/v1/me/notification-preferences", { "task.assigned": { email: "a\u0000" } }, { token: owner.token });
    expectProblem(nested, 422);
    expect(nested.body.errors[0].path).toBe("task.assigned.email");
    const created = await api.post(
      `/api/v1/projects/${project.id}/tasks`,
      { title: "ok", description: "x\u0000y" },
      { token: owner.token },
    );
    expectProblem(created, 422);
    expect(created.body.errors).toEqual([{ path: "description", message: expect.any(String) }]);
    expect((await api.get(`/api/v1/tasks/${task.id}`, { token: owner.token })).body).toMatchObject({
      title: "Before",
      version: task.version,
    });
  });

  it("in a query parameter or a path segment: 422 naming it", async () => {
    const { project, owner, ws } = await createTestTeam();
    const q = await api.get(`/api/v1/projects/${project.id}/tasks?q=%00`, { token: owner.token });
    expectProblem(q, 422);
    expect(q.body.errors).toEqual([{ path: "q", message: expect.any(String) }]);
    const path = await api.get(`/api/v1/workspaces/${encodeURIComponent(`${ws.slug}\u0000`)}`, { token: owner.token });
    expectProblem(path, 422);
    expect(path.body.errors[0].path).toBe("slug");
  });

  it("in a multipart field or file name, and in CSV cells: refused, nothing stored", async () => {
    const { project, owner } = await createTestTeam();
    const task = await createTestTask(project, owner);
    const form = new FormData();
    form.append("file", new Blob(["bytes"], { type: "text/plain" }), "bad\u0000name.txt");
    const upload = await problemOf(await request("POST", `/api/v1/tasks/${task.key}/attachments`, { token: owner.token, rawBody: form }));
    expect(upload.errors[0]!.path).toBe("file.name");
    expect((await api.get(`/api/v1/tasks/${task.key}/attachments`, { token: owner.token })).body.data).toEqual([]);

    const csv = 'title,assignees\n"fine",\n"bad\u0000title",\n"ok","x\u0000@example.test"\n';
    const imported = await request("POST", `/api/v1/projects/${project.id}/tasks/import`, {
      token: owner.token,
      rawBody: csv,
      headers: { "content-type": "text/csv" },
    });
    expect(imported.status).toBeLessThan(500);
    const report = await imported.json();
    expect(JSON.stringify(report)).toContain("cannot be stored");
    const list = await api.get(`/api/v1/projects/${project.id}/tasks`, { token: owner.token });
    expect(list.body.data.map((t: { title: string }) => t.title)).toEqual([task.title]);
  });
});
