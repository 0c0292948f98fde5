import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, request } from "../helpers/app";
import { expectProblem } from "../helpers/factories";
import { createTestTask, createTestTeam } from "../helpers/tasks";
import { withSettings } from "./attachments-cases";

// Object storage (s3rver on a loopback port) stopped: an upload answers 503 problem+json with Retry-After and
// leaves neither a row nor an object; a download says 503 too; once the store is back, uploads work again.
const bucket = "tasklane-outage";
const directory = mkdtempSync(path.join(tmpdir(), "s3rver-outage-"));
let server: S3rver | undefined;
let port = 0;

async function startStore(): Promise<void> {
  server = new S3rver({ port, address: "127.0.0.1", silent: true, directory, configureBuckets: [{ name: bucket }] });
  port = (await server.run()).port;
}

beforeAll(startStore);
withSettings(() => ({
  S3_BUCKET: bucket,
  S3_ENDPOINT: `http://127.0.0.1:${port}`,
  S3_REGION: "us-east-1",
  S3_ACCESS_KEY_ID: "S3RVER",
  S3_SECRET_ACCESS_KEY: "S3RVER",
}));
afterAll(async () => {
  await server?.close();
});

async function objects(): Promise<string[]> {
  const client = new S3Client({
    region: "us-east-1",
    endpoint: `http://127.0.0.1:${port}`,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
  try {
    return ((await client.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((o) => o.Key!).sort();
  } finally {
    client.destroy();
  }
}

function upload(ref: string, token: string) {
  const form = new FormData();
  form.append("file", new Blob(["some bytes"], { type: "text/plain" }), "notes.txt");
  return request("POST", `/api/v1/tasks/${ref}/attachments`, { token, rawBody: form });
}

describe("attachments while object storage is down", () => {
  it("503 problem+json with Retry-After, no row and no object; works again once the store is back", async () => {
    const team = await createTestTeam();
    const task = await createTestTask(team.project, team.owner, { title: "Outage" });
    const kept = await upload(task.key, team.owner.token);
    expect(kept.status).toBe(201);
    const keptId = ((await kept.json()) as { id: string }).id;
    const before = await objects();
    const activity = (await api.get(`/api/v1/tasks/${task.key}/activity`, { token: team.owner.token })).body.data.length;

    await server!.close();
    try {
      const res = await upload(task.key, team.owner.token);
      const body = await res.json();
      expectProblem({ status: res.status, body, headers: res.headers }, 503);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      const download = await request("GET", `/api/v1/attachments/${keptId}`, { token: team.owner.token });
      expect(download.status).toBe(503);
      expect(download.headers.get("content-type")).toContain("application/problem+json");
      const list = await api.get(`/api/v1/tasks/${task.key}/attachments`, { token: team.owner.token });
      expect(list.body.data.map((a: { id: string }) => a.id)).toEqual([keptId]);
      expect((await api.get(`/api/v1/tasks/${task.key}/activity`, { token: team.owner.token })).body.data.length).toBe(activity);
    } finally {
      await startStore();
    }
    expect(await objects()).toEqual(before);
    expect((await upload(task.key, team.owner.token)).status).toBe(201);
  });
});
