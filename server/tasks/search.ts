import { and, isNull, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { projects, tasks } from "@/db/schema";

// Full-text search over tasks.search_vector (title A, description B, comments C; GIN tasks_search_idx)
// and tasks.title_vector (GIN tasks_title_search_idx). User text only ever reaches SQL as a bound parameter.

const PREFIXABLE = /^[\p{L}\p{N}]+$/u;
const KEY = /^([A-Za-z][A-Za-z0-9]{1,9})-(\d{1,9})$/;

/** Splits off the last bare word for prefix matching ("log in to dash" → "log in to" + "dash"). */
export function splitPrefix(q: string): { rest: string; prefix: string | null } {
  const words = q.trim().split(/\s+/);
  const last = words[words.length - 1] ?? "";
  const before = words[words.length - 2];
  // Not inside quotes, not an exclusion, not after OR (whose meaning a split would change).
  const quotes = (q.match(/"/g) ?? []).length;
  if (!PREFIXABLE.test(last) || quotes % 2 === 1 || /^or$/i.test(last) || (before && /^or$/i.test(before)))
    return { rest: q, prefix: null };
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

/** An exclusion (-word) can hold in one field and fail in another: then the whole task is checked too. */
const EXCLUDES = /(^|\s)-/;

/** The tsquery with every lexeme restricted to the given weights ('fix' & 'bug':* → 'fix':AB & 'bug':*AB). */
function weighted(tsq: SQL, weights: "AB"): SQL {
  return sql`(regexp_replace((${tsq})::text, ${"('(?:[^']|'')*')(?::(\\*))?"}, ${`\\1:\\2${weights}`}, 'g'))::tsquery`;
}

/**
 * Relevance in tiers, best first: the task named by its key (3), then tasks whose title alone
 * matches (2), whose title and description match (1), the rest (0, comments needed). Tiers are
 * disjoint, so each is its own query served newest first by an index: a common word walks the
 * created index and stops at the page, a rarer one goes through GIN. Only the tiers a page reaches run.
 */
export type SearchTier = { tier: number; where: SQL };

export function searchTiers(q: string, keyTaskId: string | null): SearchTier[] {
  const tsq = tsQueryOf(q);
  const excludes = EXCLUDES.test(q) ? [matches(tsq)] : [];
  const notKey = keyTaskId ? [sql`${tasks.id} <> ${keyTaskId}::uuid`] : [];
  const inTitle = sql`${tasks.titleVector} @@ ${tsq}`;
  const inTitleOrDescription = sql`${tasks.searchVector} @@ ${weighted(tsq, "AB")}`;
  const tiers: SearchTier[] = [
    { tier: 2, where: and(inTitle, ...excludes, ...notKey)! },
    { tier: 1, where: and(inTitleOrDescription, sql`not (${inTitle})`, ...excludes, ...notKey)! },
    { tier: 0, where: and(matches(tsq), sql`not (${inTitleOrDescription})`, ...notKey)! },
  ];
  return keyTaskId ? [{ tier: 3, where: sql`${tasks.id} = ${keyTaskId}::uuid` }, ...tiers] : tiers;
}

/**
 * How many of the newest tasks in scope a tier looks at first. A word in more than 1 in 40 of them
 * fills a page there (a walk of at most this many rows, whatever the planner guesses); rarer
 * words then go through GIN, where they cost what they match.
 */
export const SEARCH_WINDOW = 2000;

/** A q that looks like a task key ("eng-4") → that task's id, within the given projects. */
export async function findTaskByKey(db: Database, q: string, projectIds: string[]): Promise<string | null> {
  const m = KEY.exec(q.trim());
  if (!m || projectIds.length === 0) return null;
  const [row] = await db
    .select({ id: tasks.id })
    .from(tasks)
    .innerJoin(projects, eq(projects.id, tasks.projectId))
    .where(
      and(
        inArray(tasks.projectId, projectIds),
        isNull(tasks.deletedAt),
        eq(projects.key, m[1]!.toUpperCase()),
        eq(tasks.number, Number(m[2])),
      ),
    )
    .limit(1);
  return row?.id ?? null;
}

/** The WHERE term of q under any other sort: a match anywhere, or the task the key names. */
export async function searchFilter(db: Database, q: string, projectIds: string[]): Promise<SQL> {
  const keyTaskId = await findTaskByKey(db, q, projectIds);
  const found = matches(tsQueryOf(q));
  return keyTaskId ? sql`(${found} or ${tasks.id} = ${keyTaskId}::uuid)` : found;
}
