import { countersDatabase, database, replicaDatabase, type Database } from "@/db/client";
import type { ServiceContext } from "./context";
import { UnauthenticatedError } from "./errors";
import { actorUserId } from "./context";

const DEADLOCK_RETRIES = 3;

/**
 * Runs fn in a transaction, or inside the caller's when ctx already holds one. Writes lock rows in
 * different orders (a task, then the project's key-share lock; a project-wide verb the other way), so
 * two can deadlock: the transaction PostgreSQL picks as the victim is run again (fn writes only
 * through tx, so it may).
 */
export async function withTransaction<T>(ctx: ServiceContext, fn: (tx: Database, ctx: ServiceContext) => Promise<T>): Promise<T> {
  if (ctx.db) return fn(ctx.db, ctx);
  const db = await database();
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => fn(tx as unknown as Database, { ...ctx, db: tx as unknown as Database }));
    } catch (error) {
      if (attempt > DEADLOCK_RETRIES || !isDeadlock(error)) throw error;
    }
  }
}

function isDeadlock(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && depth < 4; depth++) {
    if (typeof e === "object" && "code" in e && (e as { code?: unknown }).code === "40P01") return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** The database for reads: the caller's transaction, or the primary. */
export async function dbFor(ctx: ServiceContext): Promise<Database> {
  return ctx.db ?? (await database());
}

/**
 * Where a counter is taken (a task number): the caller's transaction when it holds one (it may have
 * created the project), else an autocommit handle whose row lock lasts one statement (countersDatabase).
 */
export async function counterDbFor(ctx: ServiceContext): Promise<Database> {
  return ctx.db ?? (await countersDatabase());
}

/**
 * The database for reads that may lag a little (analytics): the caller's transaction, else the
 * read replica (DATABASE_REPLICA_URL), else the primary.
 */
export async function readDatabase(ctx: ServiceContext): Promise<Database> {
  return ctx.db ?? (await replicaDatabase());
}

export function requireUserId(ctx: ServiceContext): string {
  const id = actorUserId(ctx.actor);
  if (!id) throw new UnauthenticatedError();
  return id;
}
