import { z } from "zod";
import { defineOperation } from "./define";
import {
  AddMemberInput,
  CreateWorkspaceInput,
  InvitationCreated,
  Member,
  Membership,
  PendingInvitation,
  UpdateMemberInput,
  UpdateWorkspaceInput,
  Workspace,
} from "../workspaces/schemas";
import { Id, pageOf, PageParams } from "./common";

const tag = "Workspaces";
const SlugParam = z.object({ slug: z.string().min(1).max(100) });
const MemberParam = SlugParam.extend({ userId: Id });

export const createWorkspaceOp = defineOperation({
  method: "POST",
  path: "/api/v1/workspaces",
  tag,
  auth: "required",
  summary: "Create a workspace; you become its owner",
  body: CreateWorkspaceInput,
  response: Workspace,
  status: 201,
  idempotent: true,
  errors: [400, 401, 409, 415, 422],
});
export const listWorkspacesOp = defineOperation({
  method: "GET",
  path: "/api/v1/workspaces",
  tag,
  auth: "required",
  summary: "Your workspaces",
  query: PageParams,
  response: pageOf(Workspace, "WorkspacePage"),
  status: 200,
  errors: [400, 401, 422],
});
export const getWorkspaceOp = defineOperation({
  method: "GET",
  path: "/api/v1/workspaces/{slug}",
  tag,
  auth: "required",
  summary: "A workspace",
  params: SlugParam,
  response: Workspace,
  status: 200,
  errors: [401, 404],
});
export const updateWorkspaceOp = defineOperation({
  method: "PATCH",
  path: "/api/v1/workspaces/{slug}",
  tag,
  auth: "required",
  summary: "Rename a workspace or change its slug (admins)",
  params: SlugParam,
  body: UpdateWorkspaceInput,
  response: Workspace,
  status: 200,
  errors: [400, 401, 403, 404, 409, 415, 422],
});
export const deleteWorkspaceOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/workspaces/{slug}",
  tag,
  auth: "required",
  summary: "Delete a workspace and everything in it (owners)",
  params: SlugParam,
  status: 204,
  errors: [401, 403, 404],
});
export const listMembersOp = defineOperation({
  method: "GET",
  path: "/api/v1/workspaces/{slug}/members",
  tag,
  auth: "required",
  summary: "Members of a workspace",
  params: SlugParam,
  query: PageParams,
  response: pageOf(Member, "MemberPage"),
  status: 200,
  errors: [400, 401, 404, 422],
});
export const addMemberOp = defineOperation({
  method: "POST",
  path: "/api/v1/workspaces/{slug}/members",
  tag,
  auth: "required",
  summary:
    "Add a person by email: 201 with the member when they have an account, else 202 with an emailed invitation. " +
    "Invitation emails are limited per workspace (INVITES_PER_WORKSPACE_PER_HOUR) and per address (EMAILS_PER_ADDRESS_PER_HOUR): 429 with Retry-After beyond.",
  params: SlugParam,
  body: AddMemberInput,
  response: Member,
  status: 201,
  idempotent: true,
  alternatives: [{ status: 202, description: "Invitation sent by email", schema: InvitationCreated }],
  errors: [400, 401, 403, 404, 409, 415, 422, 429],
});
export const updateMemberOp = defineOperation({
  method: "PATCH",
  path: "/api/v1/workspaces/{slug}/members/{userId}",
  tag,
  auth: "required",
  summary: "Change a member's role",
  params: MemberParam,
  body: UpdateMemberInput,
  response: Member,
  status: 200,
  errors: [400, 401, 403, 404, 409, 415, 422],
});
export const removeMemberOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/workspaces/{slug}/members/{userId}",
  tag,
  auth: "required",
  summary: "Remove a member (or leave)",
  params: MemberParam,
  status: 204,
  errors: [401, 403, 404, 409],
});
export const acceptInvitationOp = defineOperation({
  method: "POST",
  path: "/api/v1/invitations/{token}/accept",
  tag,
  auth: "required",
  summary: "Accept an invitation sent to your email",
  params: z.object({ token: z.string().min(10).max(200) }),
  response: Membership,
  status: 200,
  errors: [401, 403, 404, 409],
});
const InvitationParam = SlugParam.extend({ invitationId: Id });
export const listInvitationsOp = defineOperation({
  method: "GET",
  path: "/api/v1/workspaces/{slug}/invitations",
  tag,
  auth: "required",
  summary:
    "Pending invitations (admins), newest first, each with `delivery` of its email: `status` pending (queued or retrying) | sent | failed, `error` (the provider's last refusal), `attemptedAt`, `attempts`",
  params: SlugParam,
  query: PageParams,
  response: pageOf(PendingInvitation, "PendingInvitationPage"),
  status: 200,
  errors: [400, 401, 403, 404, 422],
});
export const resendInvitationOp = defineOperation({
  method: "POST",
  path: "/api/v1/workspaces/{slug}/invitations/{invitationId}/resend",
  tag,
  auth: "required",
  summary:
    "Email a pending invitation again (admins): a fresh link (the old one stops working) and expiry, queued and retried like every email; 202 with the invitation and its delivery status",
  params: InvitationParam,
  response: PendingInvitation,
  status: 202,
  errors: [401, 403, 404, 409],
});
