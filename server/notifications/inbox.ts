import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { notifications } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor, requireUserId } from "../transaction";
import { NotFoundError } from "../errors";
import { decodeCursor, toPage, type Page } from "../pagination";
import { toNotification, unreadCountOf } from "./deliver";
import { ListNotificationsQuery, type Notification } from "./schemas";

/** The caller's inbox, newest first; `unread: "true"` keeps only unread ones. */
export async function listNotifications(args: { ctx: ServiceContext; query: ListNotificationsQuery }): Promise<Page<Notification>> {
  const userId = requireUserId(args.ctx);
  const query = ListNotificationsQuery.parse(args.query);
  const after = decodeCursor(query.cursor, z.tuple([z.iso.datetime(), z.uuid()]));
  const db = await dbFor(args.ctx);
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        query.unread === "true" ? isNull(notifications.readAt) : undefined,
        after ? sql`(${notifications.createdAt}, ${notifications.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (r) => [r.createdAt.toISOString(), r.id], toNotification);
}

/** Marks one of the caller's notifications read (again is harmless); someone else's is not found. */
export async function markNotificationRead(args: { ctx: ServiceContext; id: string }): Promise<Notification> {
  const userId = requireUserId(args.ctx);
  const db = await dbFor(args.ctx);
  const mine = and(eq(notifications.id, args.id), eq(notifications.userId, userId));
  const [updated] = await db
    .update(notifications)
    .set({ readAt: args.ctx.now })
    .where(and(mine, isNull(notifications.readAt)))
    .returning();
  if (updated) return toNotification(updated);
  const [row] = await db.select().from(notifications).where(mine);
  if (!row) throw new NotFoundError("Notification");
  return toNotification(row);
}

export async function markAllNotificationsRead(args: { ctx: ServiceContext }): Promise<{ updated: number }> {
  const userId = requireUserId(args.ctx);
  const db = await dbFor(args.ctx);
  const rows = await db
    .update(notifications)
    .set({ readAt: args.ctx.now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { updated: rows.length };
}

export async function countUnreadNotifications(args: { ctx: ServiceContext }): Promise<{ count: number }> {
  return { count: await unreadCountOf(await dbFor(args.ctx), requireUserId(args.ctx)) };
}
