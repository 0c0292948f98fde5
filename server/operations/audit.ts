import { z } from "zod";
import { defineOperation } from "./define";
import { AuditEntry, AuditQuery } from "../audit/schemas";
import { pageOf } from "./common";

export const listAuditOp = defineOperation({
  method: "GET",
  path: "/api/v1/workspaces/{slug}/audit",
  tag: "Workspaces",
  auth: "required",
  summary:
    "The workspace's audit log, newest first (owners and admins): role changes, invitations, removals, tokens, webhooks, " +
    "project archive/restore, sign-ins from a new device. Filter by actor (user id), type and a date range (from inclusive, to exclusive).",
  params: z.object({ slug: z.string().min(1).max(100) }),
  query: AuditQuery,
  response: pageOf(AuditEntry, "AuditPage"),
  status: 200,
  errors: [400, 401, 403, 404, 422],
});
