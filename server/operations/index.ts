import type { Operation } from "./define";
import { healthOp, readyOp, openapiOp, docsOp, metricsOp } from "./health";
import { registerOp, loginOp, logoutOp, getMeOp, updateMeOp, listTokensOp, createTokenOp, revokeTokenOp } from "./auth";
import {
  createWorkspaceOp,
  listWorkspacesOp,
  getWorkspaceOp,
  updateWorkspaceOp,
  deleteWorkspaceOp,
  listMembersOp,
  addMemberOp,
  updateMemberOp,
  removeMemberOp,
  acceptInvitationOp,
  listInvitationsOp,
  resendInvitationOp,
} from "./workspaces";
import {
  createProjectOp,
  listProjectsOp,
  getProjectOp,
  updateProjectOp,
  archiveProjectOp,
  restoreProjectOp,
  listProjectMembersOp,
  addProjectMemberOp,
  updateProjectMemberOp,
  removeProjectMemberOp,
  listStatusesOp,
  createStatusOp,
  updateStatusOp,
  removeStatusOp,
  listLabelsOp,
  createLabelOp,
  updateLabelOp,
  removeLabelOp,
} from "./projects";
import { projectAnalyticsOp, projectAnalyticsCsvOp, workspaceAnalyticsOp, workspaceAnalyticsCsvOp } from "./analytics";
import { listNotificationsOp, unreadCountOp, markReadOp, markAllReadOp, getPreferencesOp, updatePreferencesOp } from "./notifications";
import { listWebhooksOp, createWebhookOp, deleteWebhookOp, listDeliveriesOp } from "./webhooks";
import { listProjectTasksOp, listWorkspaceTasksOp, exportTasksCsvOp, importTasksCsvOp } from "./search";
import { getBoardOp } from "./board";
import { getScheduleOp } from "./schedule";
import {
  createTaskOp,
  getTaskOp,
  updateTaskOp,
  deleteTaskOp,
  restoreTaskOp,
  listTrashOp,
  getDependenciesOp,
  addDependencyOp,
  removeDependencyOp,
  listWatchersOp,
  watchTaskOp,
  unwatchTaskOp,
  getActivityOp,
  listCommentsOp,
  createCommentOp,
  updateCommentOp,
  deleteCommentOp,
} from "./tasks";
import { listViewsOp, createViewOp, getViewOp, updateViewOp, deleteViewOp } from "./views";
import { listAttachmentsOp, uploadAttachmentOp, downloadAttachmentOp, deleteAttachmentOp } from "./attachments";
import {
  requestPasswordResetOp,
  confirmPasswordResetOp,
  verifyEmailOp,
  resendVerificationOp,
  getTwoFactorOp,
  startTwoFactorOp,
  confirmTwoFactorOp,
  disableTwoFactorOp,
} from "./account";
import { listAuditOp } from "./audit";
import {
  listTaskTimeEntriesOp,
  createTimeEntryOp,
  updateTimeEntryOp,
  deleteTimeEntryOp,
  listProjectTimeEntriesOp,
  exportTimeEntriesCsvOp,
  timeReportOp,
  startTimerOp,
  getTimerOp,
  stopTimerOp,
} from "./time-tracking";
import { getRecurrenceOp, setRecurrenceOp, removeRecurrenceOp } from "./recurrence";
import { listFieldsOp, createFieldOp, getFieldOp, updateFieldOp, deleteFieldOp } from "./custom-fields";
import {
  listCyclesOp,
  createCycleOp,
  updateCycleSettingsOp,
  getCycleOp,
  updateCycleOp,
  deleteCycleOp,
  completeCycleOp,
  cycleReportOp,
} from "./cycles";

// Every public endpoint, in the order the OpenAPI document lists them. A route file
// serves one of these; tests/integration/openapi checks that none is missing here.
export const operations: readonly Operation[] = [
  // health
  healthOp,
  readyOp,
  openapiOp,
  docsOp,
  metricsOp,
  // auth
  registerOp,
  loginOp,
  logoutOp,
  getMeOp,
  updateMeOp,
  listTokensOp,
  createTokenOp,
  revokeTokenOp,
  // workspaces
  createWorkspaceOp,
  listWorkspacesOp,
  getWorkspaceOp,
  updateWorkspaceOp,
  deleteWorkspaceOp,
  listMembersOp,
  addMemberOp,
  updateMemberOp,
  removeMemberOp,
  acceptInvitationOp,
  // projects
  createProjectOp,
  listProjectsOp,
  getProjectOp,
  updateProjectOp,
  archiveProjectOp,
  restoreProjectOp,
  listProjectMembersOp,
  addProjectMemberOp,
  updateProjectMemberOp,
  removeProjectMemberOp,
  listStatusesOp,
  createStatusOp,
  updateStatusOp,
  removeStatusOp,
  listLabelsOp,
  createLabelOp,
  updateLabelOp,
  removeLabelOp,
  // analytics
  projectAnalyticsOp,
  projectAnalyticsCsvOp,
  workspaceAnalyticsOp,
  workspaceAnalyticsCsvOp,
  // notifications
  listNotificationsOp,
  unreadCountOp,
  markReadOp,
  markAllReadOp,
  getPreferencesOp,
  updatePreferencesOp,
  // webhooks
  listWebhooksOp,
  createWebhookOp,
  deleteWebhookOp,
  listDeliveriesOp,
  // search
  listProjectTasksOp,
  getBoardOp,
  getScheduleOp,
  listWorkspaceTasksOp,
  exportTasksCsvOp,
  importTasksCsvOp,
  // tasks
  createTaskOp,
  getTaskOp,
  updateTaskOp,
  deleteTaskOp,
  restoreTaskOp,
  listTrashOp,
  getDependenciesOp,
  addDependencyOp,
  removeDependencyOp,
  listWatchersOp,
  watchTaskOp,
  unwatchTaskOp,
  getActivityOp,
  listCommentsOp,
  createCommentOp,
  updateCommentOp,
  deleteCommentOp,
  // views
  listViewsOp,
  createViewOp,
  getViewOp,
  updateViewOp,
  deleteViewOp,
  // attachments
  listAttachmentsOp,
  uploadAttachmentOp,
  downloadAttachmentOp,
  deleteAttachmentOp,
  // invitation delivery
  listInvitationsOp,
  resendInvitationOp,
  // account security
  requestPasswordResetOp,
  confirmPasswordResetOp,
  verifyEmailOp,
  resendVerificationOp,
  getTwoFactorOp,
  startTwoFactorOp,
  confirmTwoFactorOp,
  disableTwoFactorOp,
  // audit
  listAuditOp,
  // time tracking
  listTaskTimeEntriesOp,
  createTimeEntryOp,
  updateTimeEntryOp,
  deleteTimeEntryOp,
  listProjectTimeEntriesOp,
  exportTimeEntriesCsvOp,
  timeReportOp,
  startTimerOp,
  getTimerOp,
  stopTimerOp,
  // recurring tasks
  getRecurrenceOp,
  setRecurrenceOp,
  removeRecurrenceOp,
  // custom fields
  listFieldsOp,
  createFieldOp,
  getFieldOp,
  updateFieldOp,
  deleteFieldOp,
  // cycles
  listCyclesOp,
  createCycleOp,
  updateCycleSettingsOp,
  getCycleOp,
  updateCycleOp,
  deleteCycleOp,
  completeCycleOp,
  cycleReportOp,
];
