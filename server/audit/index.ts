export * from "./schemas";
export { auditTypes, type AuditType as AuditTypeName, type AuditTarget } from "./types";
export { recordAudit, recordUserAudit, type AuditEntry as AuditRecord } from "./record";
export { noteSignIn } from "./new-device";
export { listAudit } from "./list";
