import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { projects, tasks } from "@/db/schema";

// Full-text search over tasks.search_vector (title A, description B, comments C; GIN tasks_search_idx).
// User text only ever reaches SQL as a bound parameter.

const PREFIXABLE = /^[\p{L}\p{N}]+$/u;
const KEY = /^([A-Za-z][A-Za-z0-9]{1,9})-(\d{1,9})$/;

/** Splits off the last bare word for prefix matching ("log in to dash" → "log in to" + "dash"). */
export function splitPrefix(q: string): { rest: string; prefix: string | null } {
  const words = q.trim().split(/\s+/);
  const last = words[words.length - 1] ?? "";
  const before = words[words.length - 2];
  // Not inside quotes, not an exclusion, not after OR (whose meaning a split would change).
  const quotes = (q.match(/"/g) ?? []).length;
  if (!PREFIXABLE.test(last) || quotes % 2 === 1 || /^or$/i.test(last) || (before && /^or$/i.test(before))) return { rest: q, prefix: null };
  return { rest: words.slice(0, -1).join(" "), prefix: last.toLowerCase() };
}

/**
 * The tsquery of q: web-search syntax for every word, the last also as a prefix. The prefix is
 * tried stemmed ('descriptions' → 'descript':*) and raw (so a stop word like 'the' still finds 'theme').
 */
export function tsQueryOf(q: string): SQL {
  const { rest, prefix } = splitPrefix(q);
  const parts: SQL[] = [];
  if (rest.trim()) parts.push(sql`websearch_to_tsquery('english', ${rest})`);
  if (prefix) parts.push(sql`(to_tsquery('english', ${`${prefix}:*`}) || to_tsquery('simple', ${`${prefix}:*`}))`);
  return parts.length ? sql`(${sql.join(parts, sql` && `)})` : sql`websearch_to_tsquery('english', ${q})`;
}

export function matches(query: SQL): SQL {
  return sql`${tasks.searchVector} @@ ${query}`;
}

/**
 * Rank in tiers so that a title match always beats a description match, which beats a comment
 * match (ts_rank_cd alone lets a description repeating a word outrank a title); within a tier,
 * ts_rank_cd normalised into [0, 1). A task found by its key ranks first.
 */
export function rankOf(query: SQL, keyTaskId: string | null): SQL<number> {
  const tier = sql`(case when ts_filter(${tasks.searchVector}, '{a}') @@ ${query} then 2 when ts_filter(${tasks.searchVector}, '{a,b}') @@ ${query} then 1 else 0 end)`;
  const base = sql`(${tier} + ts_rank_cd(${tasks.searchVector}, ${query}, 32))`;
  const ranked = keyTaskId ? sql`(case when ${tasks.id} = ${keyTaskId}::uuid then 10 else ${base} end)` : base;
  return sql<number>`(${ranked})::float8`;
}

/** A q that looks like a task key ("eng-4") → that task's id, within the given projects. */
export async function findTaskByKey(db: Database, q: string, projectIds: string[]): Promise<string | null> {
  const m = KEY.exec(q.trim());
  if (!m || projectIds.length === 0) return null;
  const [row] = await db
    .select({ id: tasks.id })
    .from(tasks)
    .innerJoin(projects, eq(projects.id, tasks.projectId))
    .where(and(inArray(tasks.projectId, projectIds), eq(projects.key, m[1]!.toUpperCase()), eq(tasks.number, Number(m[2]))))
    .limit(1);
  return row?.id ?? null;
}

/**
 * Ranking costs per matched row (ts_rank_cd, more with a prefix), so relevance ranks at most the
 * RANK_WINDOW most recent matches: a common word costs a bounded amount, found through an index
 * (GIN, or the created index walked backwards), never by ranking the whole table.
 */
export const RANK_WINDOW = 1000;

export async function searchTerms(db: Database, args: { q: string; projectIds: string[]; filtered: SQL[]; ranked: boolean }): Promise<{ where: SQL; rank: SQL }> {
  const tsq = tsQueryOf(args.q);
  const keyTaskId = await findTaskByKey(db, args.q, args.projectIds);
  let found = matches(tsq);
  if (args.ranked) {
    const window = db
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(...args.filtered, found))
      .orderBy(desc(tasks.createdAt), desc(tasks.id))
      .limit(RANK_WINDOW);
    // An array initplan: the outer query then fetches the window's rows by primary key.
    found = sql`${tasks.id} = any(array(${window}))`;
  }
  return { where: keyTaskId ? sql`(${found} or ${tasks.id} = ${keyTaskId}::uuid)` : found, rank: rankOf(tsq, keyTaskId) };
}
