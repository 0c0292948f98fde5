import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { auditLog, users, workspaceMembers, workspaces } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor, requireUserId } from "../transaction";
import { authorize } from "../auth/policy";
import { ValidationError } from "../errors";
import { decodeCursor, toPage, type Page } from "../pagination";
import { AuditQuery, type AuditEntry } from "./schemas";

/** A workspace's audit log, newest first: owners and admins (403 for members and guests, 404 for strangers). */
export async function listAudit(args: { ctx: ServiceContext; slug: string; query: AuditQuery }): Promise<Page<AuditEntry>> {
  const userId = requireUserId(args.ctx);
  const q = AuditQuery.parse(args.query);
  const db = await dbFor(args.ctx);
  const [ws] = await db
    .select({ id: workspaces.id, role: workspaceMembers.role })
    .from(workspaces)
    .leftJoin(workspaceMembers, and(eq(workspaceMembers.workspaceId, workspaces.id), eq(workspaceMembers.userId, userId)))
    .where(eq(workspaces.slug, args.slug))
    .limit(1);
  authorize("workspace.audit.read", { type: "workspace", role: ws?.role ?? null }, "Workspace");
  const from = q.from ? new Date(q.from) : undefined;
  const to = q.to ? new Date(q.to) : undefined;
  if (from && to && from >= to) throw new ValidationError([{ path: "from", message: "must be before to" }]);
  const after = decodeCursor(q.cursor, z.tuple([z.iso.datetime(), z.uuid()]));
  const rows = await db
    .select({ entry: auditLog, actor: { id: users.id, name: users.name, email: users.email } })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.workspaceId, ws!.id),
        q.actor ? eq(auditLog.actorId, q.actor) : undefined,
        q.type ? eq(auditLog.type, q.type) : undefined,
        from ? gte(auditLog.createdAt, from) : undefined,
        to ? lt(auditLog.createdAt, to) : undefined,
        after ? sql`(${auditLog.createdAt}, ${auditLog.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(q.limit + 1);
  return toPage(
    rows,
    q.limit,
    (r) => [r.entry.createdAt.toISOString(), r.entry.id],
    ({ entry, actor }) => ({
      id: entry.id,
      type: entry.type,
      actor: actor?.id ? { id: actor.id, name: actor.name, email: actor.email } : null,
      target: entry.targetType && entry.targetId ? { type: entry.targetType, id: entry.targetId } : null,
      data: (entry.data ?? {}) as Record<string, unknown>,
      ip: entry.ip,
      userAgent: entry.userAgent,
      createdAt: entry.createdAt.toISOString(),
    }),
  );
}
