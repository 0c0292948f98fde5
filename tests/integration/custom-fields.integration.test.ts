import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../helpers/app";
import { expectProblem } from "../helpers/factories";
import { createTestTask, createTestTeam, eventsOf } from "../helpers/tasks";

// Custom fields: project admins manage them; values on tasks are checked per type, filtered, sorted,
// carried through type changes (or refusing them), and leave with their field.
let team: Awaited<ReturnType<typeof createTestTeam>>;
const fieldsUrl = () => `/api/v1/projects/${team.project.id}/fields`;
const tasksUrl = () => `/api/v1/projects/${team.project.id}/tasks`;
const addField = async (body: object) => {
  const res = await api.post(fieldsUrl(), body, { token: team.admin.token });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; version: number; options: { id: string; name: string; color: string }[]; position: number };
};
const ids = (res: { body: { data: { id: string }[] } }) => res.body.data.map((t) => t.id);

beforeAll(async () => {
  team = await createTestTeam();
});

describe("custom fields", () => {
  it("creates every type, in order, with options and colours; names unique; admins only", async () => {
    const types = ["text", "number", "date", "person", "checkbox", "url", "multi_select"];
    for (const type of types) await addField({ name: `F ${type}`, type, ...(type === "multi_select" ? { options: [{ name: "a" }] } : {}) });
    const select = await addField({
      name: "Severity",
      type: "single_select",
      options: [{ name: "Low", color: "#00FF00" }, { name: "High" }],
      position: 0,
    });
    expect(select.position).toBe(0);
    expect(select.options.map((o) => [o.name, o.color])).toEqual([
      ["Low", "#00ff00"],
      ["High", "#6b7280"],
    ]);
    const list = await api.get(fieldsUrl(), { token: team.viewer.token });
    expect(list.body.data.map((f: { name: string }) => f.name)).toEqual(["Severity", ...types.map((t) => `F ${t}`)]);
    expect(list.body.data.map((f: { position: number }) => f.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expectProblem(await api.post(fieldsUrl(), { name: "severity", type: "text" }, { token: team.admin.token }), 409);
    expectProblem(await api.post(fieldsUrl(), { name: "x", type: "text", options: [{ name: "a" }] }, { token: team.admin.token }), 422);
    expectProblem(await api.post(fieldsUrl(), { name: "x", type: "checkbox", required: true }, { token: team.admin.token }), 422);
    expectProblem(await api.post(fieldsUrl(), { name: "x", type: "colour" }, { token: team.admin.token }), 422);
  });

  it("refuses the wrong user for every operation", async () => {
    const field = await addField({ name: "Perm", type: "text" });
    for (const who of [team.member, team.viewer]) {
      expectProblem(await api.post(fieldsUrl(), { name: "Nope", type: "text" }, { token: who.token }), 403);
      expectProblem(await api.patch(`/api/v1/fields/${field.id}`, { name: "Nope" }, { token: who.token }), 403);
      expectProblem(await api.delete(`/api/v1/fields/${field.id}`, { token: who.token }), 403);
    }
    expectProblem(await api.get(fieldsUrl(), { token: team.stranger.token }), 404);
    expectProblem(await api.post(fieldsUrl(), { name: "Nope", type: "text" }, { token: team.stranger.token }), 404);
    expectProblem(await api.get(`/api/v1/fields/${field.id}`, { token: team.stranger.token }), 404);
    expectProblem(await api.patch(`/api/v1/fields/${field.id}`, { name: "Nope" }, { token: team.stranger.token }), 404);
    expectProblem(await api.delete(`/api/v1/fields/${field.id}`, { token: team.stranger.token }), 404);
    const task = await createTestTask(team.project, team.member);
    expectProblem(await api.patch(`/api/v1/tasks/${task.id}`, { customFields: { [field.id]: "x" } }, { token: team.viewer.token }), 403);
    expect((await api.get(`/api/v1/fields/${field.id}`, { token: team.viewer.token })).body.name).toBe("Perm");
    expect((await api.delete(`/api/v1/fields/${field.id}`, { token: team.owner.token })).status).toBe(204);
  });

  it("validates values per type (422 naming the field, nothing written) and enforces required fields on create", async () => {
    const num = await addField({ name: "Points", type: "number" });
    const url = await addField({ name: "Link", type: "url" });
    const owner = await addField({ name: "Owner", type: "person" });
    const bad = await api.post(
      tasksUrl(),
      { title: "x", customFields: { [num.id]: "five", [url.id]: "ftp://x", [owner.id]: team.stranger.id } },
      { token: team.member.token },
    );
    expectProblem(bad, 422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(
      [`customFields.${num.id}`, `customFields.${url.id}`].sort(),
    );
    expect(bad.body.errors[0].message).toMatch(/Points|Link/);
    const stranger = await api.post(
      tasksUrl(),
      { title: "x", customFields: { [owner.id]: team.stranger.id } },
      { token: team.member.token },
    );
    expect(stranger.body.errors).toEqual([{ path: `customFields.${owner.id}`, message: expect.stringMatching(/^Owner:/) }]);
    const required = await addField({ name: "Team", type: "text", required: true });
    const missing = await api.post(tasksUrl(), { title: "no team" }, { token: team.member.token });
    expect(missing.body.errors).toEqual([{ path: `customFields.${required.id}`, message: "Team is required" }]);
    const ok = await api.post(
      tasksUrl(),
      { title: "ok", customFields: { [required.id]: "core", [num.id]: 5, [owner.id]: team.member.id } },
      { token: team.member.token },
    );
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.customFields).toEqual({ [required.id]: "core", [num.id]: 5, [owner.id]: team.member.id });
    expect((await api.get(`/api/v1/tasks/${ok.body.id}`, { token: team.viewer.token })).body.customFields).toEqual(ok.body.customFields);
    const clear = await api.patch(`/api/v1/tasks/${ok.body.id}`, { customFields: { [required.id]: null } }, { token: team.member.token });
    expect(clear.body.errors[0]).toEqual({ path: `customFields.${required.id}`, message: "Team is required" });
    await api.delete(`/api/v1/fields/${required.id}`, { token: team.admin.token });
  });

  it("records old → new in activity and the task.updated event", async () => {
    const sev = await addField({ name: "Sev", type: "single_select", options: [{ name: "S1" }, { name: "S2" }] });
    const [s1, s2] = sev.options;
    const task = await createTestTask(team.project, team.member);
    await api.patch(`/api/v1/tasks/${task.id}`, { customFields: { [sev.id]: s1!.id } }, { token: team.member.token });
    const res = await api.patch(`/api/v1/tasks/${task.id}`, { customFields: { [sev.id]: s2!.id } }, { token: team.member.token });
    expect(res.body.customFields[sev.id]).toBe(s2!.id);
    const same = await api.patch(`/api/v1/tasks/${task.id}`, { customFields: { [sev.id]: s2!.id } }, { token: team.member.token });
    expect(same.body.version).toBe(res.body.version);
    const activity = await api.get(`/api/v1/tasks/${task.id}/activity`, { token: team.member.token });
    const entries = activity.body.data.filter((e: { field?: string }) => e.field === `customFields.${sev.id}`);
    expect(entries.map((e: { from: unknown; to: unknown }) => [e.from, e.to])).toEqual([
      [null, s1!.id],
      [s1!.id, s2!.id],
    ]);
    const updated = (await eventsOf(team.project.id)).filter((e) => e.type === "task.updated" && e.data.task.id === task.id);
    expect(updated.at(-1)!.data.changes).toEqual([{ field: "customField", fieldId: sev.id, from: s1!.id, to: s2!.id }]);
  });

  it("filters (cf.<id>=…) and sorts by a field, paging with the cursor", async () => {
    const size = await addField({ name: "Size", type: "number" });
    const tag = await addField({ name: "Tags", type: "multi_select", options: [{ name: "red" }, { name: "blue" }] });
    const [red, blue] = tag.options;
    const a = await createTestTask(team.project, team.member, { title: "size a" });
    const b = await createTestTask(team.project, team.member, { title: "size b" });
    const c = await createTestTask(team.project, team.member, { title: "size c" });
    await api.patch(`/api/v1/tasks/${a.id}`, { customFields: { [size.id]: 3, [tag.id]: [red!.id] } }, { token: team.member.token });
    await api.patch(
      `/api/v1/tasks/${b.id}`,
      { customFields: { [size.id]: 1, [tag.id]: [blue!.id, red!.id] } },
      { token: team.member.token },
    );
    const get = (qs: string) => api.get(`${tasksUrl()}?${qs}`, { token: team.viewer.token });
    expect(ids(await get(`cf.${size.id}=3`))).toEqual([a.id]);
    expect(ids(await get(`cf.${size.id}=0..2`))).toEqual([b.id]);
    expect(ids(await get(`cf.${tag.id}=${blue!.id}`))).toEqual([b.id]);
    expect(new Set(ids(await get(`cf.${tag.id}=${red!.id}`)))).toEqual(new Set([a.id, b.id]));
    expect(ids(await get(`cf.${size.id}=none&q=size`))).toEqual([c.id]);
    expectProblem(await get(`cf.${size.id}=big`), 422);
    expectProblem(await get(`cf.${crypto.randomUUID()}=1`), 422);
    const sorted = await get(`q=size&sort=cf.${size.id}`);
    expect(ids(sorted)).toEqual([b.id, a.id, c.id]);
    expect(ids(await get(`q=size&sort=-cf.${size.id}`))).toEqual([a.id, b.id, c.id]);
    const first = await get(`q=size&sort=cf.${size.id}&limit=1`);
    const second = await get(`q=size&sort=cf.${size.id}&limit=2&cursor=${first.body.nextCursor}`);
    expect([...ids(first), ...ids(second)]).toEqual([b.id, a.id, c.id]);
  });

  it("a type change converts what fits and refuses the rest (422 with the count) unless clearInvalid", async () => {
    const f = await addField({ name: "Estimate text", type: "text" });
    const t1 = await createTestTask(team.project, team.member);
    const t2 = await createTestTask(team.project, team.member);
    await api.patch(`/api/v1/tasks/${t1.id}`, { customFields: { [f.id]: "12" } }, { token: team.member.token });
    await api.patch(`/api/v1/tasks/${t2.id}`, { customFields: { [f.id]: "a dozen" } }, { token: team.member.token });
    const refused = await api.patch(`/api/v1/fields/${f.id}`, { type: "number" }, { token: team.admin.token });
    expectProblem(refused, 422);
    expect(refused.body.errors[0]).toMatchObject({ path: "type", message: expect.stringMatching(/^1 task has a value/) });
    expect((await api.get(`/api/v1/tasks/${t2.id}`, { token: team.member.token })).body.customFields[f.id]).toBe("a dozen");
    expectProblem(
      await api.patch(
        `/api/v1/fields/${f.id}`,
        { type: "number", clearInvalid: true },
        { token: team.admin.token, headers: { "if-match": '"99"' } },
      ),
      412,
    );
    const changed = await api.patch(
      `/api/v1/fields/${f.id}`,
      { type: "number", clearInvalid: true },
      { token: team.admin.token, headers: { "if-match": `"${f.version}"` } },
    );
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ type: "number", version: f.version + 1 });
    expect((await api.get(`/api/v1/tasks/${t1.id}`, { token: team.member.token })).body.customFields[f.id]).toBe(12);
    const cleared = await api.get(`/api/v1/tasks/${t2.id}`, { token: team.member.token });
    expect(cleared.body.customFields[f.id]).toBeUndefined();
    expect(cleared.body.version).toBe(t2.version + 2);
    const activity = await api.get(`/api/v1/tasks/${t2.id}/activity`, { token: team.member.token });
    expect(activity.body.data.at(-1)).toMatchObject({ field: `customFields.${f.id}`, from: "a dozen", to: null });
  });

  it("removing an option that is in use needs clearInvalid; deleting a field deletes its values", async () => {
    const f = await addField({ name: "Stage", type: "single_select", options: [{ name: "One" }, { name: "Two" }] });
    const t = await createTestTask(team.project, team.member, {});
    await api.patch(`/api/v1/tasks/${t.id}`, { customFields: { [f.id]: f.options[1]!.id } }, { token: team.member.token });
    const refused = await api.patch(
      `/api/v1/fields/${f.id}`,
      { options: [{ id: f.options[0]!.id, name: "Uno" }] },
      { token: team.admin.token },
    );
    expect(refused.body.errors[0].path).toBe("options");
    const renamed = await api.patch(
      `/api/v1/fields/${f.id}`,
      {
        options: [
          { id: f.options[0]!.id, name: "Uno" },
          { id: f.options[1]!.id, name: "Dos", color: "#123456" },
        ],
      },
      { token: team.admin.token },
    );
    expect(renamed.body.options.map((o: { name: string }) => o.name)).toEqual(["Uno", "Dos"]);
    expect((await api.delete(`/api/v1/fields/${f.id}`, { token: team.admin.token })).status).toBe(204);
    expectProblem(await api.get(`/api/v1/fields/${f.id}`, { token: team.admin.token }), 404);
    expect((await api.get(`/api/v1/tasks/${t.id}`, { token: team.member.token })).body.customFields[f.id]).toBeUndefined();
  });

  it("exports field columns to CSV and imports them back into another project", async () => {
    const sev = await addField({ name: "Csv severity", type: "single_select", options: [{ name: "High" }, { name: "Low" }] });
    const pts = await addField({ name: "Csv points", type: "number" });
    const who = await addField({ name: "Csv owner", type: "person" });
    const t = await createTestTask(team.project, team.member, { title: "Round trip" });
    await api.patch(
      `/api/v1/tasks/${t.id}`,
      { customFields: { [sev.id]: sev.options[1]!.id, [pts.id]: 8, [who.id]: team.member.id } },
      { token: team.member.token },
    );
    const csv = await api.get(`/api/v1/projects/${team.project.id}/tasks/export.csv`, { token: team.member.token });
    const text = csv.body as string;
    expect(text.split("\n")[0]).toContain("cf:Csv severity,cf:Csv points,cf:Csv owner");
    const line = text.split("\n").find((l) => l.includes("Round trip"))!;
    expect(line).toContain(`Low,8,${team.member.email}`);

    const other = await createTestTeam();
    const url = `/api/v1/projects/${other.project.id}/tasks/import`;
    const body = (h: string, row: string) => ({
      rawBody: `title,${h}\nImported,${row}\n`,
      headers: { "content-type": "text/csv" },
      token: other.owner.token,
    });
    const unknown = await api.post(url, undefined, body("cf:Nope", "x"));
    expectProblem(unknown, 422);
    const f = await api.post(
      `/api/v1/projects/${other.project.id}/fields`,
      { name: "Csv severity", type: "single_select", options: [{ name: "High" }, { name: "Low" }] },
      { token: other.owner.token },
    );
    const bad = await api.post(url, undefined, body("cf:Csv severity", "Medium"));
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([{ row: 1, path: "cf:Csv severity", message: expect.stringMatching(/^Csv severity:/) }]);
    const ok = await api.post(url, undefined, body("cf:csv severity", "low"));
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const imported = await api.get(`/api/v1/tasks/${ok.body.keys[0]}`, { token: other.owner.token });
    expect(imported.body.customFields).toEqual({ [f.body.id]: f.body.options[1].id });
  });
});
