import type pg from "pg";
import { generateNKeysBetween } from "fractional-indexing";
import { CopyBuffer } from "./copy";
import type { SeededProject } from "./base";
import { type Rng } from "./prng";
import { comment, description, title } from "./text";

const DAY = 86_400_000;
const BATCH = 25_000;
// Where a task ends up, by the name of its final status (weights in percent).
const FINAL = [
  ["Backlog", 12],
  ["Todo", 18],
  ["In Progress", 13],
  ["In Review", 7],
  ["Done", 45],
  ["Canceled", 5],
] as const;
// The way there, from where tasks start.
const PATH: Record<string, string[]> = {
  Backlog: ["Backlog"],
  Todo: ["Todo"],
  "In Progress": ["Todo", "In Progress"],
  "In Review": ["Todo", "In Progress", "In Review"],
  Done: ["Todo", "In Progress", "In Review", "Done"],
  Canceled: ["Todo", "Canceled"],
};

function weighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  let u = rng.next() * items.reduce((s, [, w]) => s + w, 0);
  for (const [item, w] of items) if ((u -= w) < 0) return item;
  return items[items.length - 1]![0];
}

const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export type GrowState = { nextNumber: number; lastPosition: string | null };

/**
 * Adds `count` tasks to a project, created over the year before `anchor` in number order, each with
 * assignees, labels, comments (kept in comments_text too) and its status history in activity.
 */
export async function seedTasks(
  loaders: pg.PoolClient[],
  rng: Rng,
  p: SeededProject,
  memberIds: string[],
  count: number,
  state: GrowState,
  anchor: number,
): Promise<void> {
  // Batches alternate between the loader connections: Postgres parses and indexes one batch while the next is generated.
  const busy: Promise<void>[] = loaders.map(() => Promise.resolve());
  let turn = 0;
  const byName = new Map(p.statuses.map((s) => [s.name, s.id]));
  for (let done = 0; done < count; done += BATCH) {
    const n = Math.min(BATCH, count - done);
    const keys = generateNKeysBetween(state.lastPosition, null, n);
    state.lastPosition = keys[n - 1]!;
    const tasks = new CopyBuffer("tasks", [
      "id",
      "project_id",
      "number",
      "title",
      "description",
      "comments_text",
      "status_id",
      "priority",
      "reporter_id",
      "due_date",
      "start_date",
      "estimate",
      "position",
      "version",
      "created_at",
      "updated_at",
      "completed_at",
    ]);
    const assignees = new CopyBuffer("task_assignees", ["task_id", "user_id"]);
    const labels = new CopyBuffer("task_labels", ["task_id", "label_id"]);
    const comments = new CopyBuffer("comments", ["id", "task_id", "author_id", "body", "created_at", "updated_at"]);
    const activity = new CopyBuffer("activity", [
      "task_id",
      "project_id",
      "actor_id",
      "type",
      "field",
      "from_value",
      "to_value",
      "created_at",
    ]);
    for (let i = 0; i < n; i++) {
      const id = rng.uuid();
      const number = state.nextNumber++;
      const created = anchor - 365 * DAY + Math.floor(((done + i) / Math.max(count, 1)) * 365 * DAY * 0.98) + rng.int(0, DAY);
      const age = (anchor - created) / DAY;
      const final = age < 14 && rng.chance(0.6) ? rng.pick(["Backlog", "Todo", "In Progress"]) : weighted(rng, FINAL);
      const actor = rng.pick(memberIds);
      let t = created;
      activity.push(id, p.id, actor, "created", "status", null, JSON.stringify(byName.get(PATH[final]![0]!)), new Date(t));
      const path = PATH[final]!;
      for (let s = 1; s < path.length; s++) {
        t = Math.min(anchor - rng.int(0, 3600_000), t + rng.int(2 * 3600_000, (s === 1 ? 12 : 5) * DAY));
        activity.push(
          id,
          p.id,
          rng.pick(memberIds),
          "updated",
          "status",
          JSON.stringify(byName.get(path[s - 1]!)),
          JSON.stringify(byName.get(path[s]!)),
          new Date(t),
        );
      }
      const bodies: string[] = [];
      for (
        let c = weighted(rng, [
          [0, 35],
          [1, 30],
          [2, 20],
          [3, 10],
          [4, 5],
        ] as const);
        c > 0;
        c--
      ) {
        const at = new Date(created + rng.int(0, Math.max(1, t - created + DAY)));
        const body = comment(rng);
        bodies.push(body);
        comments.push(rng.uuid(), id, rng.pick(memberIds), body, at, at);
      }
      for (const u of rng.sample(
        memberIds,
        weighted(rng, [
          [0, 20],
          [1, 65],
          [2, 15],
        ] as const),
      ))
        assignees.push(id, u);
      for (const l of rng.sample(
        p.labelIds,
        weighted(rng, [
          [0, 30],
          [1, 45],
          [2, 20],
          [3, 5],
        ] as const),
      ))
        labels.push(id, l);
      const completed = final === "Done" ? new Date(t) : null;
      const priority = weighted(rng, [
        [0, 30],
        [1, 25],
        [2, 25],
        [3, 15],
        [4, 5],
      ] as const);
      const due = rng.chance(0.4) ? date(created + rng.int(7, 60) * DAY) : null;
      const start = rng.chance(0.15) ? date(created + rng.int(0, 7) * DAY) : null;
      const estimate = rng.chance(0.5) ? rng.pick([1, 2, 3, 5, 8]) : null;
      tasks.push(
        id,
        p.id,
        number,
        title(rng),
        description(rng),
        bodies.join("\n\n"),
        byName.get(final),
        priority,
        rng.pick(memberIds),
        due,
        start,
        estimate,
        keys[i],
        path.length,
        new Date(created),
        new Date(t),
        completed,
      );
    }
    const slot = turn++ % loaders.length;
    await busy[slot];
    const db = loaders[slot]!;
    busy[slot] = (async () => {
      for (const b of [tasks, assignees, labels, comments, activity]) await b.flush(db);
    })();
  }
  await Promise.all(busy);
  await loaders[0]!.query("update projects set next_task_number = $2 where id = $1", [p.id, state.nextNumber]);
}
