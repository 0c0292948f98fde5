import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../helpers/app";
import { createTestTask, createTestTeam } from "../helpers/tasks";
import { unique } from "../helpers/factories";

// Text and URL custom field values are searchable through q (after title, description and comments);
// select and person values are ids, not words, and stay out. A trigger keeps the searched text current
// through value writes, type changes and field deletion.
let team: Awaited<ReturnType<typeof createTestTeam>>;
const search = async (q: string) => {
  const res = await api.get(`/api/v1/projects/${team.project.id}/tasks?q=${encodeURIComponent(q)}`, { token: team.member.token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.data as { id: string }[]).map((t) => t.id);
};
const addField = async (body: object) => {
  const res = await api.post(`/api/v1/projects/${team.project.id}/fields`, body, { token: team.admin.token });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; version: number };
};
const setValue = async (taskId: string, fieldId: string, value: unknown) => {
  const res = await api.patch(`/api/v1/tasks/${taskId}`, { customFields: { [fieldId]: value } }, { token: team.member.token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};

beforeAll(async () => {
  team = await createTestTeam();
});

describe("searching custom field values", () => {
  it("finds a task by a text or URL value, ranks a title match first, and forgets a cleared value", async () => {
    const word = unique("zanzibar").replace(/[^a-z]/gi, "");
    const notes = await addField({ name: unique("Notes"), type: "text" });
    const link = await addField({ name: unique("Link"), type: "url" });
    const byText = await createTestTask(team.project, team.member, { title: "First" });
    const byUrl = await createTestTask(team.project, team.member, { title: "Second" });
    const byTitle = await createTestTask(team.project, team.member, { title: `About ${word}` });
    expect(await search(word)).toEqual([byTitle.id]);
    await setValue(byText.id, notes.id, `customer ${word} escalation`);
    await setValue(byUrl.id, link.id, `https://example.test/${word}`);
    const found = await search(word);
    expect(found[0]).toBe(byTitle.id);
    expect(new Set(found.slice(1))).toEqual(new Set([byText.id, byUrl.id]));
    await setValue(byText.id, notes.id, null);
    expect(new Set(await search(word))).toEqual(new Set([byTitle.id, byUrl.id]));
  });

  it("drops values from search when their field becomes a select, or is deleted", async () => {
    const word = unique("quokka").replace(/[^a-z]/gi, "");
    const f = await addField({ name: unique("Ref"), type: "text" });
    const task = await createTestTask(team.project, team.member, { title: "Plain" });
    await setValue(task.id, f.id, word);
    expect(await search(word)).toEqual([task.id]);
    const retyped = await api.patch(
      `/api/v1/fields/${f.id}`,
      { type: "single_select", options: [{ name: "Other" }], clearInvalid: true },
      { token: team.admin.token },
    );
    expect(retyped.status, JSON.stringify(retyped.body)).toBe(200);
    expect(await search(word)).toEqual([]);

    const g = await addField({ name: unique("Ref2"), type: "text" });
    await setValue(task.id, g.id, word);
    expect(await search(word)).toEqual([task.id]);
    expect((await api.delete(`/api/v1/fields/${g.id}`, { token: team.admin.token })).status).toBe(204);
    expect(await search(word)).toEqual([]);
  });
});
