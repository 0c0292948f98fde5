import { and, asc, eq, like, or } from "drizzle-orm";
import { expect } from "vitest";
import { database, type Database } from "@/db/client";
import { events } from "@/db/schema";
import { sequenceAll } from "@/server/events/sequence";
import { recordEvent } from "@/server/events/record";
import { api } from "./app";
import { addToWorkspace, createUser, type TestUser } from "./factories";
import { addToProject, createTestProject } from "./projects";

export type TestTask = {
  id: string;
  key: string;
  number: number;
  projectId: string;
  title: string;
  description: string;
  status: { id: string; name: string; category: string };
  priority: "none" | "low" | "medium" | "high" | "urgent";
  assignees: { id: string; name: string }[];
  labels: { id: string; name: string; color: string }[];
  reporter: { id: string; name: string } | null;
  dueDate: string | null;
  startDate: string | null;
  estimate: number | null;
  parentId: string | null;
  position: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
};

export type CreateTaskBody = Partial<{
  title: string;
  description: string;
  statusId: string;
  priority: TestTask["priority"];
  assigneeIds: string[];
  labelIds: string[];
  dueDate: string | null;
  startDate: string | null;
  estimate: number | null;
  parentId: string | null;
  cycleId: string | null;
}>;

/** Creates a task in the project as `owner` (any user allowed to write there) through the API. */
export async function createTestTask(project: { id: string }, owner: TestUser, input: CreateTaskBody = {}): Promise<TestTask> {
  const res = await api.post(`/api/v1/projects/${project.id}/tasks`, { title: "A task", ...input }, { token: owner.token });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as TestTask;
}

/** A project with one user per role: admin (the owner), project admin, member, viewer, and a stranger outside the workspace. */
export async function createTestTeam() {
  const { ws, project, owner } = await createTestProject();
  const [admin, member, viewer, stranger] = await Promise.all([createUser(), createUser(), createUser(), createUser()]);
  await Promise.all([addToWorkspace(ws, admin, "member"), addToWorkspace(ws, member, "member"), addToWorkspace(ws, viewer, "member")]);
  await Promise.all([addToProject(ws, project.id, admin, "admin"), addToProject(ws, project.id, viewer, "viewer")]);
  return { ws, project, owner, admin, member, viewer, stranger };
}

/**
 * Outbox rows of a project about tasks and comments in the order consumers read them, with their public
 * ids (seq). Numbers what has committed first, as the dispatcher would, so no test waits for it.
 */
export async function eventsOf(projectId: string): Promise<{ id: number; type: string; actorId: string | null; data: any }[]> {
  const db = await database();
  await sequenceAll(db);
  const rows = await db
    .select({ id: events.seq, type: events.type, actorId: events.actorId, data: events.data })
    .from(events)
    .where(and(eq(events.projectId, projectId), or(like(events.type, "task.%"), like(events.type, "comment.%"))))
    .orderBy(asc(events.seq));
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/**
 * A write recorded in the outbox and left uncommitted (its event row is inserted, invisible to others)
 * until commit() is called; commit() resolves once it has committed.
 */
export async function openOutboxWrite(
  projectId: string,
  e: { actorId: string | null; data: { id: string; key: string } },
): Promise<{ commit: () => Promise<void> }> {
  const db = await database();
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let inserted!: () => void;
  const insertedYet = new Promise<void>((r) => (inserted = r));
  const done = db.transaction(async (tx) => {
    await recordEvent(tx as unknown as Database, { type: "task.deleted", projectId, actorId: e.actorId, data: e.data });
    inserted();
    await held;
  });
  await Promise.race([insertedYet, done]);
  return {
    commit: async () => {
      release();
      await done;
    },
  };
}
