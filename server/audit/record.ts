import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, workspaceMembers } from "@/db/schema";
import { UNKNOWN_IP } from "@/config/trusted-proxies";
import { actorUserId, type ServiceContext } from "../context";
import type { AuditTarget, AuditType } from "./types";

export type AuditEntry = {
  workspaceId: string;
  type: AuditType;
  target?: AuditTarget;
  /** What changed, e.g. { from: "member", to: "admin" }; never secrets. */
  data?: Record<string, unknown>;
};

/**
 * Writes one audit entry through the caller's transaction `tx`, so it commits or rolls back with
 * the change it describes. Who, from where and with which user agent come from ctx.
 */
export async function recordAudit(tx: Database, ctx: ServiceContext, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(row(ctx, entry));
}

/**
 * For changes to a person rather than a workspace (tokens, sign-ins, 2FA): one entry in every
 * workspace `userId` belongs to, since each of them is exposed by it.
 */
export async function recordUserAudit(
  tx: Database,
  ctx: ServiceContext,
  userId: string,
  entry: Omit<AuditEntry, "workspaceId">,
): Promise<void> {
  const memberships = await tx
    .select({ workspaceId: workspaceMembers.workspaceId })
    .from(workspaceMembers)
    .where(eq(workspaceMembers.userId, userId));
  if (memberships.length === 0) return;
  await tx.insert(auditLog).values(memberships.map((m) => row(ctx, { ...entry, workspaceId: m.workspaceId }, userId)));
}

function row(ctx: ServiceContext, entry: AuditEntry, fallbackActor?: string): typeof auditLog.$inferInsert {
  return {
    workspaceId: entry.workspaceId,
    actorId: actorUserId(ctx.actor) ?? fallbackActor ?? null,
    type: entry.type,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    data: entry.data ?? {},
    ip: ctx.ip && ctx.ip !== UNKNOWN_IP ? ctx.ip : null,
    userAgent: ctx.userAgent ?? null,
    createdAt: ctx.now,
  };
}
