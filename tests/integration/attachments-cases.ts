import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, request } from "../helpers/app";
import { expectProblem } from "../helpers/factories";
import { createTestTask, createTestTeam, type TestTask } from "../helpers/tasks";

/**
 * Test files share a process, and settings and storage are cached on globalThis: set the variables
 * for this file, drop the caches, and put both back afterwards.
 */
export function withSettings(env: () => Record<string, string>): void {
  const saved: Record<string, string | undefined> = {};
  const reset = () => {
    const g = globalThis as Record<string, unknown>;
    delete g.__tasklaneSettings;
    delete g.__tasklaneStorage;
  };
  beforeAll(() => {
    for (const [k, v] of Object.entries(env())) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    reset();
  });
  afterAll(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    reset();
  });
}

// The attachment scenarios, run once per storage backend (disk, and S3 via s3rver).
// `stored()` lists the object keys the backend holds, to prove nothing partial is left.
export function attachmentCases(backend: string, stored: () => Promise<string[]>, maxUploadMb: number): void {
  let team: Awaited<ReturnType<typeof createTestTeam>>;
  let task: TestTask;

  const upload = (ref: string, token: string, file: Blob | string | null, name = "notes.txt") => {
    const form = new FormData();
    if (file !== null) form.append("file", typeof file === "string" ? new Blob([file], { type: "text/plain" }) : file, name);
    return request("POST", `/api/v1/tasks/${ref}/attachments`, { rawBody: form, token });
  };
  const json = async (res: Response) => ({ status: res.status, body: await res.json(), headers: res.headers });

  beforeAll(async () => {
    team = await createTestTeam();
    task = await createTestTask(team.project, team.owner, { title: "with files" });
  });

  describe(`attachments on ${backend}`, () => {
    it("uploads, lists and downloads the same bytes with a safe Content-Disposition", async () => {
      const bytes = new Uint8Array([0, 1, 2, 250, 255, 10, 13]);
      const res = await json(
        await upload(task.key, team.member.token, new Blob([bytes], { type: "application/pdf" }), 'résumé "final".pdf'),
      );
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({
        id: expect.any(String),
        filename: 'résumé "final".pdf',
        size: bytes.length,
        contentType: "application/pdf",
      });
      const list = await api.get(`/api/v1/tasks/${task.id}/attachments`, { token: team.viewer.token });
      expect(list.body.data.map((a: { id: string }) => a.id)).toEqual([res.body.id]);
      const download = await request("GET", `/api/v1/attachments/${res.body.id}`, { token: team.viewer.token });
      expect(download.status).toBe(200);
      expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
      expect(download.headers.get("content-type")).toBe("application/pdf");
      expect(download.headers.get("x-content-type-options")).toBe("nosniff");
      const disposition = download.headers.get("content-disposition")!;
      expect(disposition).toMatch(
        /^attachment; filename="r\?sum\? \\"final\\"\.pdf"; filename\*=UTF-8''r%C3%A9sum%C3%A9%20%22final%22\.pdf$/,
      );
      expect((await stored()).some((k) => k.includes(res.body.id))).toBe(true);
    });

    it("refuses the download and the list to those who cannot see the task (404), uploads to viewers (403)", async () => {
      const res = await json(await upload(task.id, team.member.token, "secret"));
      expectProblem(await api.get(`/api/v1/attachments/${res.body.id}`, { token: team.stranger.token }), 404);
      expectProblem(await api.get(`/api/v1/tasks/${task.id}/attachments`, { token: team.stranger.token }), 404);
      expectProblem(await api.get(`/api/v1/attachments/00000000-0000-4000-8000-000000000000`, { token: team.owner.token }), 404);
      expectProblem(await json(await upload(task.id, team.stranger.token, "x")), 404);
      expectProblem(await json(await upload(task.id, team.viewer.token, "x")), 403);
      expectProblem(await api.get(`/api/v1/attachments/${res.body.id}`), 401);
    });

    it("answers 413 beyond MAX_UPLOAD_MB and keeps nothing", async () => {
      const before = await stored();
      const big = new Uint8Array(maxUploadMb * 1024 * 1024 + 1);
      const res = await json(await upload(task.id, team.member.token, new Blob([big])));
      expectProblem(res, 413);
      expect(await stored()).toEqual(before);
      const list = await api.get(`/api/v1/tasks/${task.id}/attachments?limit=100`, { token: team.member.token });
      expect(list.body.data.every((a: { size: number }) => a.size < big.length)).toBe(true);
    });

    it("refuses a missing file (422) and a non-multipart body (415)", async () => {
      const missing = await json(await upload(task.id, team.member.token, null));
      expectProblem(missing, 422);
      expect(missing.body.errors[0].path).toBe("file");
      expectProblem(await api.post(`/api/v1/tasks/${task.id}/attachments`, { file: "x" }, { token: team.member.token }), 415);
    });

    it("deletes for the uploader or a project admin only, and removes the bytes", async () => {
      const mine = await json(await upload(task.id, team.member.token, "by member"));
      expectProblem(await api.delete(`/api/v1/attachments/${mine.body.id}`, { token: team.viewer.token }), 403);
      expectProblem(await api.delete(`/api/v1/attachments/${mine.body.id}`, { token: team.stranger.token }), 404);
      expect((await api.delete(`/api/v1/attachments/${mine.body.id}`, { token: team.admin.token })).status).toBe(204);
      expectProblem(await api.get(`/api/v1/attachments/${mine.body.id}`, { token: team.member.token }), 404);
      expect((await stored()).some((k) => k.includes(mine.body.id))).toBe(false);
      const own = await json(await upload(task.id, team.member.token, "again"));
      expect((await api.delete(`/api/v1/attachments/${own.body.id}`, { token: team.member.token })).status).toBe(204);
    });
  });
}
