import pg from "pg";
import { seedBase, type Fixture } from "./seed/base";
import { Rng } from "./seed/prng";
import { createIndexes, dropSecondaryIndexes, trySkipForeignKeyTriggers } from "./seed/indexes";
import { seedTasks, type GrowState } from "./seed/tasks";

export type { Fixture } from "./seed/base";
export const BOARD_TASKS = 1_000;
const SEED = 20261128;

/** The data-set sizes the search curve is measured at, up to the target. */
export function scaleSteps(total: number): number[] {
  return [10_000, 100_000, 1_000_000].filter((s) => s <= total);
}

/**
 * Seeds deterministically: BRD holds the 1,000-task board, ANL up to 50k tasks with a year of
 * history, CRT starts empty (task creation goes there), BIG holds the rest. BIG grows step by
 * step so that search can be measured at each size on the way (`onStep`).
 */
export async function seedDataset(
  url: string,
  total: number,
  onStep: (tasks: number, fixture: Fixture) => Promise<void>,
  log = console.log,
): Promise<Fixture> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const loaders = [await pool.connect(), await pool.connect()];
  const db = loaders[0]!;
  try {
    const rng = new Rng(SEED);
    const anchor = Math.floor(Date.now() / 86_400_000) * 86_400_000;
    const fixture = await seedBase(db, rng);
    const members = fixture.memberIds;
    const load = (key: keyof Fixture["projects"], count: number, state: GrowState) =>
      timed(log, `${key}: +${count} tasks`, () => seedTasks(loaders, rng, fixture.projects[key], members, count, state, anchor));
    for (const c of loaders) await trySkipForeignKeyTriggers(c);
    const analytics = Math.min(50_000, Math.floor(total / 2));
    const big: GrowState = { nextNumber: 1, lastPosition: null };
    let seeded = 0;
    let analyticsDone = false;
    for (const step of scaleSteps(total)) {
      const defs = await dropSecondaryIndexes(db);
      if (seeded === 0) await load("BRD", BOARD_TASKS, { nextNumber: 1, lastPosition: null });
      seeded = Math.max(seeded, BOARD_TASKS);
      // ANL joins at the first step it fits in, so every step has exactly its size.
      if (!analyticsDone && step - seeded >= analytics) {
        await load("ANL", analytics, { nextNumber: 1, lastPosition: null });
        seeded += analytics;
        analyticsDone = true;
      }
      if (step > seeded) await load("BIG", step - seeded, big);
      seeded = step;
      await timed(log, "indexes", () => createIndexes(loaders, defs));
      await timed(log, "vacuum analyze", () => db.query("vacuum analyze"));
      await onStep(seeded, fixture);
    }
    return fixture;
  } finally {
    for (const c of loaders) c.release();
    await pool.end();
  }
}

async function timed<T>(log: (m: string) => void, what: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await fn();
  log(`  seeded ${what} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}
