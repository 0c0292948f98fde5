import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { planChanges } from "../tasks/diff";
import type { TaskRow } from "../tasks/internal";
import { eventPayloads, eventTypes, TaskFieldChange, TaskUpdatedPayload } from "./catalog";
import { parsePayload } from "./parse";

const serverDir = path.resolve(import.meta.dirname, "..");
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? sources(path.join(dir, d.name))
      : d.name.endsWith(".ts") && !d.name.endsWith(".test.ts")
        ? [path.join(dir, d.name)]
        : [],
  );

/** The types the services pass to recordEvent, read from their source. */
function recordedTypes(): Set<string> {
  const found = new Set<string>();
  for (const file of sources(serverDir)) {
    const text = readFileSync(file, "utf8");
    for (const call of text.matchAll(/recordEvent\(\s*tx\s*,\s*\{\s*type:\s*"([^"]+)"/g)) found.add(call[1]!);
    // A write that inserts its event row in its own statement names the type as a checked constant.
    for (const call of text.matchAll(/"([^"]+)" satisfies EventType/g)) found.add(call[1]!);
  }
  return found;
}

const uuid = () => crypto.randomUUID();
const task = () => ({
  id: uuid(),
  key: "ENG-1",
  number: 1,
  projectId: uuid(),
  title: "T",
  description: "",
  status: { id: uuid(), name: "Todo", category: "unstarted" as const },
  priority: "none" as const,
  assignees: [],
  labels: [],
  reporter: null,
  dueDate: null,
  startDate: null,
  estimate: null,
  parentId: null,
  position: "a0",
  version: 1,
  createdAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
  completedAt: null,
  customFields: {},
  cycleId: null,
});

describe("event catalog", () => {
  it("has a payload schema for every event type the services record, and no type nobody records", () => {
    const recorded = recordedTypes();
    expect(recorded.size).toBeGreaterThan(5);
    expect([...recorded].sort()).toEqual([...eventTypes].sort());
    for (const type of eventTypes) expect(eventPayloads[type]).toBeDefined();
  });

  it("parses what planChanges emits for every scalar field", async () => {
    const now = new Date();
    const current = {
      id: uuid(),
      projectId: uuid(),
      number: 1,
      title: "Old",
      description: "",
      statusId: uuid(),
      priority: 0,
      reporterId: null,
      dueDate: null,
      startDate: null,
      estimate: null,
      parentId: null,
      position: "a0",
      version: 1,
      createdAt: now,
      updatedAt: now,
      completedAt: null,
    } as unknown as TaskRow;
    // None of these fields reads the database, so no handle is needed.
    const plan = await planChanges(
      undefined as unknown as Database,
      current,
      {
        title: "New",
        description: "d",
        dueDate: "2030-01-02",
        startDate: "2030-01-01",
        estimate: 3,
        priority: "high",
        parentId: uuid(),
        position: "a1",
      },
      now,
    );
    expect(plan.changes.map((c) => c.field).sort()).toEqual([
      "description",
      "dueDate",
      "estimate",
      "parent",
      "position",
      "priority",
      "startDate",
      "title",
    ]);
    for (const change of plan.changes) expect(TaskFieldChange.safeParse(change).error).toBeUndefined();
    expect(TaskUpdatedPayload.safeParse({ task: task(), changes: plan.changes }).success).toBe(true);
  });

  it("refuses a change whose values do not fit its field", () => {
    expect(TaskFieldChange.safeParse({ field: "assignees", from: [uuid()], to: "x" }).success).toBe(false);
    expect(TaskFieldChange.safeParse({ field: "assigneeIds", from: [], to: [uuid()] }).success).toBe(false);
    expect(TaskUpdatedPayload.safeParse({ task: task(), changes: [] }).success).toBe(false);
  });
});

describe("parsePayload", () => {
  it("reads the old status/label removal shape as { task, changes: [...] }", () => {
    const t = task();
    const [from, to] = [uuid(), uuid()];
    const parsed = parsePayload("task.updated", { ...t, changes: { status: { from, to } } });
    expect(parsed).toEqual({ type: "task.updated", data: { task: t, changes: [{ field: "status", from, to }] } });
  });

  it("gives undefined for an unknown type or a payload that does not match", () => {
    expect(parsePayload("task.exploded", {})).toBeUndefined();
    expect(parsePayload("task.deleted", { id: "not-a-uuid", key: "ENG-1" })).toBeUndefined();
    expect(parsePayload("task.updated", { n: 1 })).toBeUndefined();
    expect(parsePayload("task.deleted", { id: uuid(), key: "ENG-1", extra: true })?.data).not.toHaveProperty("extra");
  });
});
