// Every kind of audit entry. Append new kinds here (e.g. 2FA's) and call recordAudit in the change's transaction.
export const auditTypes = [
  "member.added",
  "member.role_changed",
  "member.removed",
  "member.left",
  "invitation.sent",
  "invitation.accepted",
  "token.created",
  "token.revoked",
  "webhook.created",
  "webhook.deleted",
  "webhook.disabled",
  "project.archived",
  "project.restored",
  "workspace.updated",
  "signin.new_device",
  "two_factor.enabled",
  "two_factor.disabled",
  "two_factor.recovery_code_used",
] as const;
export type AuditType = (typeof auditTypes)[number];

export type AuditTarget = { type: "user" | "invitation" | "token" | "webhook" | "project" | "workspace" | "device"; id: string };
