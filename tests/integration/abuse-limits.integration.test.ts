import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { database } from "@/db/client";
import { emailJobs, invitations } from "@/db/schema";
import { api, request } from "../helpers/app";
import { createTestWorkspace, createUser, expectProblem, PASSWORD, randomIp, unique } from "../helpers/factories";
import { createTestTask, createTestTeam } from "../helpers/tasks";
import { withSettings } from "./attachments-cases";

withSettings(() => ({
  INVITES_PER_WORKSPACE_PER_HOUR: "3",
  EMAILS_PER_ADDRESS_PER_HOUR: "2",
  MAX_ATTACHMENTS_PER_TASK: "2",
  MAX_TASK_ATTACHMENTS_MB: "0.01",
  LOGIN_FAILURES_PER_IP: "3",
  LOGIN_FAILURES_PER_ACCOUNT: "1000",
}));

const address = () => `${unique("invitee")}@example.test`;

/** Invitation emails leave through the queue: what was queued for the address is what will be sent. */
async function sentTo(email: string) {
  const db = await database();
  return db.select().from(emailJobs).where(eq(emailJobs.to, email));
}

describe("abuse limits", () => {
  it("caps invitation emails per address per hour: 429 problem+json with Retry-After, and no invitation or email", async () => {
    const [a, b] = [await createTestWorkspace(), await createTestWorkspace()];
    const target = address();
    expect(
      (await api.post(`/api/v1/workspaces/${a.slug}/members`, { email: target, role: "member" }, { token: a.owner.token })).status,
    ).toBe(202);
    expect(
      (await api.post(`/api/v1/workspaces/${b.slug}/members`, { email: target, role: "member" }, { token: b.owner.token })).status,
    ).toBe(202);
    // A third email to the same address in the hour, from whichever workspace, is refused.
    const refused = await api.post(`/api/v1/workspaces/${a.slug}/members`, { email: target, role: "guest" }, { token: a.owner.token });
    expectProblem(refused, 429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.body.detail).toMatch(/this address/);
    expect(await sentTo(target)).toHaveLength(2);
    const db = await database();
    const pending = await db
      .select()
      .from(invitations)
      .where(and(eq(invitations.email, target)));
    // The refused one did not replace the pending invitation of workspace a.
    expect(pending.map((i) => i.role).sort()).toEqual(["member", "member"]);
  });

  it("caps invitations per workspace per hour", async () => {
    const ws = await createTestWorkspace();
    for (let i = 0; i < 3; i++) {
      expect(
        (await api.post(`/api/v1/workspaces/${ws.slug}/members`, { email: address(), role: "member" }, { token: ws.owner.token })).status,
      ).toBe(202);
    }
    const last = address();
    const refused = await api.post(`/api/v1/workspaces/${ws.slug}/members`, { email: last, role: "member" }, { token: ws.owner.token });
    expectProblem(refused, 429);
    expect(refused.body.detail).toMatch(/workspace/);
    expect(await sentTo(last)).toEqual([]);
    // Adding someone who already has an account sends no email, so it is not counted.
    const existing = await createUser();
    expect(
      (await api.post(`/api/v1/workspaces/${ws.slug}/members`, { email: existing.email, role: "member" }, { token: ws.owner.token }))
        .status,
    ).toBe(201);
  });

  it("caps attachments per task by count (422) and total size (413), keeping nothing of a refused upload", async () => {
    const team = await createTestTeam();
    const upload = async (ref: string, bytes: number) => {
      const form = new FormData();
      form.append("file", new Blob([new Uint8Array(bytes)], { type: "application/octet-stream" }), "f.bin");
      const res = await request("POST", `/api/v1/tasks/${ref}/attachments`, { rawBody: form, token: team.owner.token });
      return { status: res.status, body: await res.json(), headers: res.headers };
    };
    // 0.01 MB = 10485 bytes per task in all.
    const bySize = await createTestTask(team.project, team.owner, { title: "by size" });
    expect((await upload(bySize.key, 8000)).status).toBe(201);
    expectProblem(await upload(bySize.key, 3000), 413);
    expect((await upload(bySize.key, 2000)).status).toBe(201);

    const byCount = await createTestTask(team.project, team.owner, { title: "by count" });
    expect((await upload(byCount.key, 10)).status).toBe(201);
    expect((await upload(byCount.key, 10)).status).toBe(201);
    const third = await upload(byCount.key, 10);
    expectProblem(third, 422);
    expect(third.body.errors).toEqual([{ path: "file", message: expect.stringMatching(/at most 2 attachments/) }]);
    const list = await api.get(`/api/v1/tasks/${byCount.key}/attachments`, { token: team.owner.token });
    expect(list.body.data).toHaveLength(2);
  });

  it("refuses markdown over its size limit with 422 naming the field", async () => {
    const team = await createTestTeam();
    const task = await createTestTask(team.project, team.owner, { title: "long text" });
    const long = await api.patch(`/api/v1/tasks/${task.key}`, { description: "x".repeat(50_001) }, { token: team.owner.token });
    expectProblem(long, 422);
    expect(long.body.errors[0].path).toBe("description");
    const comment = await api.post(`/api/v1/tasks/${task.key}/comments`, { body: "y".repeat(20_001) }, { token: team.owner.token });
    expectProblem(comment, 422);
    expect(comment.body.errors[0].path).toBe("body");
  });
});

describe("TRUSTED_PROXIES (one proxy in the tests)", () => {
  it("a forged X-Forwarded-For entry cannot dodge the per-IP sign-in throttle", async () => {
    const user = await createUser();
    const real = randomIp();
    // The client writes whatever it likes; the proxy appends the address it saw, last.
    const attempt = (forged: string) =>
      api.post("/api/v1/auth/login", { email: user.email, password: "wrong password 123" }, { ip: `${forged}, ${real}` });
    for (let i = 0; i < 3; i++) expectProblem(await attempt(randomIp()), 401);
    const refused = await attempt(randomIp());
    expectProblem(refused, 429);
    // Another client behind the same proxy is not affected, and the right password still works from there.
    expect((await api.post("/api/v1/auth/login", { email: user.email, password: PASSWORD }, { ip: randomIp() })).status).toBe(200);
  });
});
