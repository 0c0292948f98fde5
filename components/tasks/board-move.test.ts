import { describe, expect, it } from "vitest";
import { createFieldsFor, laneChange, laneKeyOf } from "./board-lanes";
import { cellKey, COLUMN, dropTarget, inBoardOrder, placements } from "./board-move";
import type { BoardData, Task } from "./types";

const status = (id: string) => ({ id, name: id, category: "unstarted" as const });
function task(id: string, statusId: string, position: string, extra: Partial<Task> = {}): Task {
  return {
    id,
    key: `T-${id}`,
    title: id,
    status: status(statusId),
    position,
    version: 1,
    priority: "none",
    assignees: [],
    labels: [],
    ...extra,
  } as Task;
}
const cellOf = (t: Task) => cellKey("", t.status.id);

function board(tasks: Task[]) {
  const cells = new Map<string, Task[]>();
  for (const t of tasks)
    cells.set(
      cellOf(t),
      [...(cells.get(cellOf(t)) ?? []), t].sort((a, b) => (a.position < b.position ? -1 : 1)),
    );
  return { cells, byId: new Map(tasks.map((t) => [t.id, t])) };
}

describe("dropTarget", () => {
  const a = task("a", "todo", "a0");
  const b = task("b", "todo", "a1");
  const c = task("c", "todo", "a2");
  const x = task("x", "doing", "a0");
  const { cells, byId } = board([a, b, c, x]);

  it("lands a selection at the end of a column dropped on, between the neighbours left", () => {
    const drop = dropTarget({ cells, cellOf, moving: new Set(["a", "c"]), active: a, overId: COLUMN + cellKey("", "doing"), byId });
    expect(drop).toEqual({ key: "|doing", after: x, before: null });
  });
  it("over a card of the selection: where that card was, the selection's cards left out", () => {
    const drop = dropTarget({ cells, cellOf, moving: new Set(["a", "c"]), active: a, overId: "c", byId });
    expect(drop).toEqual({ key: "|todo", after: b, before: null });
  });
  it("moving down within a column lands after the card it is over", () => {
    const drop = dropTarget({ cells, cellOf, moving: new Set(["a"]), active: a, overId: "b", byId });
    expect(drop).toEqual({ key: "|todo", after: b, before: c });
  });
});

describe("placements and board order", () => {
  it("keeps the selection's order, each placed after the one before", () => {
    const a = task("a", "todo", "a5");
    const b = task("b", "doing", "a1");
    const order = inBoardOrder([b, a], ["todo", "doing"]);
    expect(order.map((t) => t.id)).toEqual(["a", "b"]);
    const after = task("n", "done", "a0");
    const placed = placements({ key: "|done", after, before: null }, order);
    expect(placed.map((p) => p.between)).toEqual([
      { after: "n", before: null },
      { after: "a", before: null },
    ]);
    expect(placed[0]!.position > "a0" && placed[0]!.position < placed[1]!.position).toBe(true);
  });
});

describe("swimlanes", () => {
  const data = {
    people: [
      { id: "u1", name: "Ada", email: "" },
      { id: "u2", name: "Bob", email: "" },
    ],
    labels: [
      { id: "l1", name: "bug", color: "#000000" },
      { id: "l2", name: "ui", color: "#000000" },
    ],
  } as unknown as BoardData;
  const t = task("a", "todo", "a0", {
    priority: "high",
    assignees: [{ id: "u2", name: "Bob" }],
    labels: [{ id: "l2", name: "ui", color: "#000000" }],
  });
  it("a task sits in the lane of its value; moving it across lanes sets the new lane's value", () => {
    expect(laneKeyOf(t, "priority")).toBe("high");
    expect(laneChange(t, "priority", "low", data).input).toEqual({ priority: "low" });
    expect(laneChange(t, "assignee", "u1", data).input).toEqual({ assigneeIds: ["u1"] });
    expect(laneChange(t, "assignee", "none", data).input).toEqual({ assigneeIds: [] });
    expect(laneChange(t, "label", "l1", data).input).toEqual({ labelIds: ["l1"] });
    expect(laneChange(t, "label", "l2", data).input).toEqual({});
  });
  it("a task added in a lane starts with its value", () => {
    expect(createFieldsFor("assignee", "u1")).toEqual({ assigneeIds: ["u1"] });
    expect(createFieldsFor("label", "none")).toEqual({});
    expect(createFieldsFor(null, "")).toEqual({});
  });
});
