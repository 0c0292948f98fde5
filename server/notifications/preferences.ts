import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { notificationPreferences } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor, requireUserId, withTransaction } from "../transaction";
import { type NotificationPreferences, UpdateNotificationPreferences } from "./schemas";
import { defaultChoice, notificationTypes, type ChannelChoice, type NotificationType } from "./types";

async function storedChoices(db: Database, userId: string): Promise<NotificationPreferences> {
  const rows = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  const prefs = Object.fromEntries(notificationTypes.map((t) => [t, defaultChoice(t)])) as NotificationPreferences;
  for (const r of rows) {
    if (r.type in prefs) prefs[r.type as NotificationType] = { inApp: r.inApp, email: r.email };
  }
  return prefs;
}

export async function getNotificationPreferences(args: { ctx: ServiceContext }): Promise<NotificationPreferences> {
  return storedChoices(await dbFor(args.ctx), requireUserId(args.ctx));
}

export async function updateNotificationPreferences(args: {
  ctx: ServiceContext;
  input: UpdateNotificationPreferences;
}): Promise<NotificationPreferences> {
  const userId = requireUserId(args.ctx);
  const input = UpdateNotificationPreferences.parse(args.input);
  return withTransaction(args.ctx, async (tx) => {
    const current = await storedChoices(tx, userId);
    for (const [type, change] of Object.entries(input) as [NotificationType, Partial<ChannelChoice> | undefined][]) {
      if (!change) continue;
      const next = { ...current[type], ...change };
      current[type] = next;
      await tx
        .insert(notificationPreferences)
        .values({ userId, type, ...next, updatedAt: args.ctx.now })
        .onConflictDoUpdate({
          target: [notificationPreferences.userId, notificationPreferences.type],
          set: { ...next, updatedAt: args.ctx.now },
        });
    }
    return current;
  });
}

/** Each user's choice for one type (defaults where they chose nothing). */
export async function choicesFor(db: Database, userIds: string[], type: NotificationType): Promise<Map<string, ChannelChoice>> {
  const result = new Map(userIds.map((id) => [id, defaultChoice(type)]));
  if (userIds.length === 0) return result;
  const rows = await db
    .select()
    .from(notificationPreferences)
    .where(and(inArray(notificationPreferences.userId, userIds), eq(notificationPreferences.type, type)));
  for (const r of rows) result.set(r.userId, { inApp: r.inApp, email: r.email });
  return result;
}
