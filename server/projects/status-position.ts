import { and, asc, eq, ne } from "drizzle-orm";
import { generateKeyBetween } from "fractional-indexing";
import type { Database } from "@/db/client";
import { projects, statuses } from "@/db/schema";
import { fieldError } from "../errors";

/** Status changes that read neighbours' positions take the project's row lock, so two never pick the same key. */
export async function lockProjectRow(tx: Database, projectId: string): Promise<void> {
  await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).for("update");
}

export type Placement = { after: string | null } | { before: string | null };

/**
 * The key that puts a status right after or before another (null: first or last), so a move
 * writes one row. `selfId` is left out of the neighbours, so moving a status never reads its own key.
 */
export async function positionFor(tx: Database, projectId: string, placement: Placement, selfId?: string): Promise<string> {
  const others = await tx
    .select({ id: statuses.id, position: statuses.position })
    .from(statuses)
    .where(and(eq(statuses.projectId, projectId), selfId ? ne(statuses.id, selfId) : undefined))
    .orderBy(asc(statuses.position), asc(statuses.id));
  const keys = others.map((s) => s.position);
  const [field, ref] = "after" in placement ? (["after", placement.after] as const) : (["before", placement.before] as const);
  if (ref === null) return field === "after" ? generateKeyBetween(null, keys[0] ?? null) : generateKeyBetween(keys.at(-1) ?? null, null);
  const i = others.findIndex((s) => s.id === ref);
  if (i < 0) throw fieldError(field, selfId === ref ? "must be another status" : "must be a status of this project");
  return field === "after" ? generateKeyBetween(keys[i]!, keys[i + 1] ?? null) : generateKeyBetween(keys[i - 1] ?? null, keys[i]!);
}
