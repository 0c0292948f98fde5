import { describe, expect, it } from "vitest";
import type { Task } from "../types";
import { propertySpec, revertInput, type PickerMeta } from "./specs";

const person = (id: string, name: string) => ({ id, name, email: `${name.toLowerCase()}@example.com` });
const meta: PickerMeta = {
  statuses: [
    { id: "todo", name: "Todo", category: "unstarted", color: "#888", position: "a0", isDefault: true, wipLimit: null },
    { id: "doing", name: "In Progress", category: "started", color: "#00f", position: "a1", isDefault: false, wipLimit: null },
  ],
  labels: [
    { id: "bug", name: "bug", color: "#f00" },
    { id: "ui", name: "ui", color: "#0f0" },
  ],
  people: [person("ada", "Ada"), person("lin", "Lin"), person("me", "Me Myself")],
  me: "me",
};

function task(over: Partial<Task>): Task {
  return {
    id: "t1",
    key: "ENG-1",
    number: 1,
    projectId: "p",
    title: "A",
    description: "",
    status: { id: "todo", name: "Todo", category: "unstarted" },
    priority: "none",
    assignees: [],
    labels: [],
    reporter: null,
    dueDate: null,
    startDate: null,
    estimate: null,
    parentId: null,
    position: "a0",
    version: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    completedAt: null,
    customFields: {},
    cycleId: null,
    ...over,
  };
}

describe("property specs", () => {
  it("names the value for the button, and offers Assign to me first", () => {
    const t = task({
      assignees: [
        { id: "ada", name: "Ada" },
        { id: "lin", name: "Lin" },
      ],
    });
    const spec = propertySpec("assignees", [t], meta);
    expect(spec.summary).toBe("Ada, Lin");
    expect(spec.options[0]).toMatchObject({ id: "me", label: "Assign to me" });
    expect(propertySpec("assignees", [task({})], meta)).toMatchObject({ summary: "", empty: "Assign" });
  });

  it("over several tasks, ticks what all share and toggles only what changed on each", () => {
    const a = task({ id: "a", labels: [{ id: "bug", name: "bug", color: "#f00" }] });
    const b = task({
      id: "b",
      labels: [
        { id: "bug", name: "bug", color: "#f00" },
        { id: "ui", name: "ui", color: "#0f0" },
      ],
    });
    const spec = propertySpec("labels", [a, b], meta);
    expect(spec.selected).toEqual(["bug"]);
    // Unticking "bug" keeps b's "ui"; ticking "ui" adds it to a.
    expect(spec.inputFor(b, [], ["bug"])).toEqual({ labelIds: ["ui"] });
    expect(spec.inputFor(a, ["bug", "ui"], ["bug"])).toEqual({ labelIds: ["bug", "ui"] });
  });

  it("parses a typed date and a typed estimate; 'none' clears", () => {
    const due = propertySpec("due", [task({})], meta);
    expect(due.parse!("2030-02-03")).toEqual({ id: "2030-02-03", label: "Due 2030-02-03" });
    expect(due.parse!("soon")).toBeNull();
    expect(due.inputFor(task({}), ["none"], [])).toEqual({ dueDate: null });
    const est = propertySpec("estimate", [task({ estimate: 3 })], meta);
    expect(est.summary).toBe("3 pt");
    expect(est.inputFor(task({}), ["2.5"], [])).toEqual({ estimate: 2.5 });
  });

  it("reverts exactly the fields an edit changed, a status change with its position", () => {
    const before = task({ status: { id: "todo", name: "Todo", category: "unstarted" }, position: "a3", priority: "high" });
    expect(revertInput(before, { statusId: "doing" })).toEqual({ statusId: "todo", position: "a3" });
    expect(revertInput(before, { priority: "low" })).toEqual({ priority: "high" });
    expect(revertInput(before, { position: "b0" })).toEqual({ position: "a3" });
  });
});
