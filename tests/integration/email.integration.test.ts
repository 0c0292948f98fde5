import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../helpers/app";
import { addToWorkspace, createUser, type TestUser } from "../helpers/factories";
import { startResendStub } from "../helpers/http-stub";
import { createTestProject } from "../helpers/projects";
import { waitFor } from "../helpers/realtime";
import { createTestTask } from "../helpers/tasks";

// Resend through the SDK against a loopback stub (RESEND_BASE_URL), with fast retries. Set at the
// top level: the settings are read once, by the first hook that opens the database.
const stub = await startResendStub();
Object.assign(process.env, {
  RESEND_API_KEY: "re_test_key",
  RESEND_BASE_URL: stub.url,
  EMAIL_RETRY_BASE_MS: "100",
  APP_URL: "https://tasklane.test",
});
let stop: () => Promise<void>;
beforeAll(async () => {
  const { settings } = await import("@/config/settings");
  expect(settings().RESEND_BASE_URL).toBe(stub.url); // nothing read the settings before us
  const { startBackgroundWork } = await import("@/startup/workers");
  stop = (await startBackgroundWork()).stop;
});
afterAll(async () => {
  await stop?.();
  await stub?.close();
});

async function team() {
  const { ws, project, owner } = await createTestProject();
  const [ann, bob] = [await createUser(), await createUser()];
  for (const u of [ann, bob]) await addToWorkspace(ws, u, "member");
  return { ws, project, owner, ann, bob };
}

describe("email through Resend", () => {
  it("sends an assignment to the assignee (HTML and text, linking back to the task), not to the actor", async () => {
    const t = await team();
    const task = await createTestTask(t.project, t.owner, { title: "Ship <it>", assigneeIds: [t.ann.id, t.owner.id] });
    await waitFor(() => stub.sentTo(t.ann.email).length === 1, "ann's email");
    const [mail] = stub.sentTo(t.ann.email);
    const link = `https://tasklane.test/w/${t.ws.slug}/t/${task.key}`;
    expect(mail!.subject).toContain(task.key);
    expect(mail!.html).toContain(`href="${link}"`);
    expect(mail!.html).toContain("Ship &lt;it&gt;");
    expect(mail!.text).toContain(link);
    const req = stub.requests.find((r) => r.body.includes(t.ann.email))!;
    expect(req.headers.authorization).toBe("Bearer re_test_key");
    expect(req.headers["idempotency-key"]).toMatch(/^evt:\d+:task\.assigned:/);
    expect(stub.sentTo(t.owner.email)).toEqual([]);
  });

  it("honours preferences: off means no email; a type switched on sends", async () => {
    const t = await team();
    const off = await api.put("/api/v1/me/notification-preferences", { "task.assigned": { email: false } }, { token: t.ann.token });
    expect(off.status).toBe(200);
    const on = await api.put("/api/v1/me/notification-preferences", { "task.status_changed": { email: true } }, { token: t.bob.token });
    expect(on.status).toBe(200);
    const task = await createTestTask(t.project, t.owner, { title: "Prefs", assigneeIds: [t.ann.id, t.bob.id] });
    const done = t.project.statuses.find((s) => s.category === "completed")!;
    expect((await api.patch(`/api/v1/tasks/${task.key}`, { statusId: done.id }, { token: t.owner.token })).status).toBe(200);
    // bob: assigned (default on) + status change (switched on); ann: status change is off by default, assigned switched off.
    await waitFor(() => stub.sentTo(t.bob.email).length === 2, "bob's two emails");
    const inbox = async (u: TestUser) => (await api.get("/api/v1/notifications", { token: u.token })).body.data as unknown[];
    await waitFor(async () => (await inbox(t.ann)).length === 2, "ann's in-app rows");
    const { database } = await import("@/db/client");
    const { emailJobs } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    const jobs = await (await database()).select().from(emailJobs).where(eq(emailJobs.to, t.ann.email));
    expect(jobs.filter((j) => !j.idempotencyKey.startsWith("email_verification:"))).toEqual([]); // sign-up's own email aside
    expect(stub.sentTo(t.ann.email)).toEqual([]);
  });

  it("retries after a 500 with the same idempotency key, and the message is sent once", async () => {
    const t = await team();
    stub.failNextTo(t.ann.email, 500);
    const before = stub.requests.length;
    await createTestTask(t.project, t.owner, { title: "Flaky", assigneeIds: [t.ann.id] });
    await waitFor(() => stub.sentTo(t.ann.email).length === 1, "the retried email");
    const tries = stub.requests.slice(before).filter((r) => r.body.includes(t.ann.email));
    expect(tries).toHaveLength(2);
    expect(tries[0]!.headers["idempotency-key"]).toBe(tries[1]!.headers["idempotency-key"]);
    const { database } = await import("@/db/client");
    const { emailJobs } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    // The stub answers before the sender records the success: wait for the row, not the request.
    const job = await waitFor(async () => {
      const rows = await (await database()).select().from(emailJobs).where(eq(emailJobs.to, t.ann.email));
      const row = rows.find((j) => !j.idempotencyKey.startsWith("email_verification:")); // sign-up's own email aside
      return row?.sentAt ? row : null;
    }, "the job to be marked sent");
    expect(job).toMatchObject({ attempts: 2, sentAt: expect.any(Date), failedAt: null });
    // Nothing more is sent later.
    await new Promise((r) => setTimeout(r, 500));
    expect(stub.requests.slice(before).filter((r) => r.body.includes(t.ann.email))).toHaveLength(2);
  });

  it("gives up on a permanent refusal (422) without retrying", async () => {
    const t = await team();
    stub.failNextTo(t.ann.email, 422);
    await createTestTask(t.project, t.owner, { title: "Refused", assigneeIds: [t.ann.id] });
    const { database } = await import("@/db/client");
    const { emailJobs } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    const job = await waitFor(async () => {
      const rows = await (await database()).select().from(emailJobs).where(eq(emailJobs.to, t.ann.email));
      // Sign-up's own verification email is ann's first job too; only the assignment was refused.
      return rows.find((j) => !j.idempotencyKey.startsWith("email_verification:"))?.failedAt && true;
    }, "the job to fail");
    expect(job).toBe(true);
    expect(stub.requests.filter((r) => r.body.includes(t.ann.email))).toHaveLength(1);
  });
});
