import { generateNKeysBetween } from "fractional-indexing";
import { byPosition } from "./filters";
import type { Task } from "./types";

// Board cells are the columns of each swimlane, keyed "<lane>|<statusId>" (lane "" without swimlanes);
// their droppable ids are COLUMN + key.
export const COLUMN = "column:";
export const cellKey = (lane: string, statusId: string) => `${lane}|${statusId}`;
export const parseCell = (key: string) => {
  const bar = key.indexOf("|");
  return { lane: key.slice(0, bar), statusId: key.slice(bar + 1) };
};

export type Drop = { key: string; after: Task | null; before: Task | null };

/**
 * Where a drop lands: the target cell and the neighbours there, the moving cards left out. Over a card,
 * the cards land before it, or after it when moving down within its own cell; over a card that moves too,
 * right where that card was.
 */
export function dropTarget(args: {
  cells: Map<string, Task[]>;
  cellOf: (task: Task) => string;
  moving: Set<string>;
  active: Task;
  overId: string;
  byId: Map<string, Task>;
}): Drop | null {
  const { cells, cellOf, moving, active, overId, byId } = args;
  const others = (key: string) => (cells.get(key) ?? []).filter((t) => !moving.has(t.id));
  let key: string;
  let index: number;
  if (overId.startsWith(COLUMN)) {
    key = overId.slice(COLUMN.length);
    index = others(key).length;
  } else {
    const overTask = byId.get(overId);
    if (!overTask) return null;
    key = cellOf(overTask);
    const rest = others(key);
    if (moving.has(overTask.id)) {
      const column = cells.get(key) ?? [];
      const before = column.slice(0, column.indexOf(overTask)).filter((t) => !moving.has(t.id));
      index = before.length;
    } else {
      index = rest.findIndex((t) => t.id === overId);
      if (cellOf(active) === key && byPosition(active, overTask) < 0) index += 1;
    }
  }
  const rest = others(key);
  return { key, after: rest[index - 1] ?? null, before: rest[index] ?? null };
}

/** Does a single card dropped here stay where it was? */
export function sameSpot(task: Task, drop: Drop, cellOf: (task: Task) => string): boolean {
  return (
    cellOf(task) === drop.key && (drop.after?.position ?? "") < task.position && (!drop.before || task.position < drop.before.position)
  );
}

/** The selection in board order: by column (status order), then by position. */
export function inBoardOrder(tasks: Task[], statusOrder: string[]): Task[] {
  const rank = new Map(statusOrder.map((id, i) => [id, i]));
  return [...tasks].sort((a, b) => (rank.get(a.status.id) ?? 0) - (rank.get(b.status.id) ?? 0) || byPosition(a, b));
}

/**
 * Optimistic positions for `n` cards placed between the drop's neighbours, in order, and what the server
 * is told: the first goes between the neighbours, each next one right after the one before (the server
 * computes the keys from the neighbours it knows, the loaded ones and the rest of the column).
 */
export function placements(drop: Drop, moving: Task[]) {
  const keys = generateNKeysBetween(drop.after?.position ?? null, drop.before?.position ?? null, moving.length);
  return moving.map((task, i) => {
    const after = i === 0 ? (drop.after?.id ?? null) : moving[i - 1]!.id;
    const before = drop.before?.id ?? null;
    return { task, position: keys[i]!, between: after || before ? { after, before } : undefined };
  });
}
