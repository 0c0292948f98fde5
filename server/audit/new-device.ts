import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { userDevices } from "@/db/schema";
import { UNKNOWN_IP } from "@/config/trusted-proxies";
import type { ServiceContext } from "../context";
import { recordUserAudit } from "./record";

/**
 * Remembers the (user agent, address) pair a user signed in from; the first sign-in from a pair
 * is audited in each of the user's workspaces. Only a hash of the pair is kept here.
 */
export async function noteSignIn(tx: Database, ctx: ServiceContext, userId: string): Promise<boolean> {
  const userAgent = ctx.userAgent ?? "";
  const ip = ctx.ip ?? UNKNOWN_IP;
  const deviceHash = createHash("sha256").update(`${userAgent}\n${ip}`).digest("base64url");
  const inserted = await tx
    .insert(userDevices)
    .values({ userId, deviceHash, firstSeenAt: ctx.now, lastSeenAt: ctx.now })
    .onConflictDoUpdate({ target: [userDevices.userId, userDevices.deviceHash], set: { lastSeenAt: ctx.now } })
    .returning({ isNew: sql<boolean>`(xmax = 0)` });
  const isNew = inserted[0]?.isNew === true;
  if (isNew) {
    await recordUserAudit(tx, ctx, userId, {
      type: "signin.new_device",
      // The entry's ip and userAgent columns name the device.
      target: { type: "user", id: userId },
    });
  }
  return isNew;
}
