import { database, replicaDatabase, type Database } from "@/db/client";
import type { ServiceContext } from "./context";
import { UnauthenticatedError } from "./errors";
import { actorUserId } from "./context";

/** Runs fn in a transaction, or inside the caller's when ctx already holds one. */
export async function withTransaction<T>(ctx: ServiceContext, fn: (tx: Database, ctx: ServiceContext) => Promise<T>): Promise<T> {
  if (ctx.db) return fn(ctx.db, ctx);
  const db = await database();
  return db.transaction(async (tx) => fn(tx as unknown as Database, { ...ctx, db: tx as unknown as Database }));
}

/** The database for reads: the caller's transaction, or the primary. */
export async function dbFor(ctx: ServiceContext): Promise<Database> {
  return ctx.db ?? (await database());
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
