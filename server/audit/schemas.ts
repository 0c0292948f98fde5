import { z } from "zod";
import { PageQuery } from "../pagination";
import { auditTypes } from "./types";

export const AuditType = z.enum(auditTypes).meta({ id: "AuditType" });

export const AuditQuery = PageQuery.extend({
  actor: z.uuid("must be a user id").optional().meta({ description: "Only entries by this user" }),
  type: AuditType.optional(),
  from: z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time" }).optional().meta({ description: "Entries at or after" }),
  to: z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time" }).optional().meta({ description: "Entries before" }),
}).meta({ id: "AuditQuery" });
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z
  .object({
    id: z.uuid(),
    type: z.string(),
    actor: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable(),
    target: z.object({ type: z.string(), id: z.string() }).nullable(),
    data: z.record(z.string(), z.unknown()),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "AuditEntry" });
export type AuditEntry = z.infer<typeof AuditEntry>;
