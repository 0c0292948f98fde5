import { z } from "zod";
import { workspaceRoles } from "@/db/schema";

export const WorkspaceRole = z.enum(workspaceRoles).meta({ id: "WorkspaceRole" });
export type WorkspaceRole = z.infer<typeof WorkspaceRole>;

export const Slug = z
  .string()
  .min(3, "must be at least 3 characters")
  .max(40, "must be at most 40 characters")
  .regex(/^[a-z0-9-]+$/, "may hold only a-z, 0-9 and -");

export const Workspace = z
  .object({
    id: z.uuid(),
    name: z.string(),
    slug: z.string(),
    role: WorkspaceRole,
    requireTwoFactor: z.boolean().meta({ description: "Members must have two-factor authentication on to use the workspace" }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Workspace" });
export type Workspace = z.infer<typeof Workspace>;

export const CreateWorkspaceInput = z.object({ name: z.string().trim().min(1).max(100), slug: Slug }).meta({ id: "CreateWorkspaceInput" });
export type CreateWorkspaceInput = z.infer<typeof CreateWorkspaceInput>;

export const UpdateWorkspaceInput = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    slug: Slug.optional(),
    requireTwoFactor: z
      .boolean()
      .optional()
      .meta({ description: "Owners only, and only with 2FA on themselves: members without 2FA are refused (403) until they turn it on" }),
  })
  .meta({ id: "UpdateWorkspaceInput" });
export type UpdateWorkspaceInput = z.infer<typeof UpdateWorkspaceInput>;

export const Member = z
  .object({ user: z.object({ id: z.uuid(), name: z.string(), email: z.string() }), role: WorkspaceRole })
  .meta({ id: "WorkspaceMember" });
export type Member = z.infer<typeof Member>;

export const AddMemberInput = z
  .object({ email: z.string().trim().toLowerCase().email("must be an email address"), role: WorkspaceRole })
  .meta({ id: "AddMemberInput" });
export type AddMemberInput = z.infer<typeof AddMemberInput>;

export const UpdateMemberInput = z.object({ role: WorkspaceRole }).meta({ id: "UpdateMemberInput" });
export type UpdateMemberInput = z.infer<typeof UpdateMemberInput>;

export const InvitationDelivery = z
  .object({
    status: z
      .enum(["pending", "sent", "failed"])
      .describe("pending: queued or being retried; sent: the provider accepted it; failed: given up"),
    error: z.string().nullable().describe("the provider's last refusal (e.g. `500: ...`, `network: ...`), also while retrying"),
    attemptedAt: z.iso.datetime().nullable().describe("when the last attempt started"),
    attempts: z.number().int(),
  })
  .meta({ id: "InvitationDelivery" });
export type InvitationDelivery = z.infer<typeof InvitationDelivery>;

export const Invitation = z
  .object({ id: z.uuid(), email: z.string(), role: WorkspaceRole, expiresAt: z.iso.datetime() })
  .meta({ id: "Invitation" });
export type Invitation = z.infer<typeof Invitation>;

/** A pending invitation as its inviter sees it: with the delivery status of its newest email. */
export const PendingInvitation = Invitation.extend({ delivery: InvitationDelivery }).meta({ id: "PendingInvitation" });
export type PendingInvitation = z.infer<typeof PendingInvitation>;

export const InvitationCreated = z.object({ invitation: Invitation }).meta({ id: "InvitationCreated" });

export const Membership = z
  .object({ workspace: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }), role: WorkspaceRole })
  .meta({ id: "Membership" });
export type Membership = z.infer<typeof Membership>;
