import { z } from "zod";
import { projectRoles, statusCategories } from "@/db/schema";
import type { ProjectPermissions } from "../auth/policy";

export const ProjectRole = z.enum(projectRoles).meta({ id: "ProjectRole" });
export type ProjectRole = z.infer<typeof ProjectRole>;
// A status belongs to a project's workflow; tasks and analytics show it.
export const StatusCategory = z.enum(statusCategories).meta({ id: "StatusCategory" });
export const Visibility = z.enum(["workspace", "private"]).meta({ id: "ProjectVisibility" });

export const ProjectKey = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, "must be 2–10 characters of A-Z and 0-9, starting with a letter");

/** An IANA zone name that this runtime knows (Intl refuses unknown ones). */
export const Timezone = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "must be an IANA time zone such as Europe/Berlin or UTC");

export const Color = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, "must be a colour #rrggbb")
  .transform((c) => c.toLowerCase());

const Name = z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters");
const Description = z.string().max(10_000, "must be at most 10000 characters");

export const weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
export const Weekday = z.enum(weekdays).meta({ id: "Weekday" });

/** Cycles (sprints) of the project; changed through PATCH /projects/{id}/cycle-settings (server/cycles). */
export const CycleSettings = z
  .object({
    enabled: z.boolean().describe("Cycles are created ahead automatically: the current one and the next two"),
    lengthWeeks: z.number().int().describe("Length of an automatic cycle, 1–4 weeks"),
    startDay: Weekday.describe("The weekday automatic cycles start on"),
    carryOver: z.boolean().describe("When a cycle ends, its unfinished tasks move to the next cycle"),
  })
  .meta({ id: "CycleSettings" });
export type CycleSettings = z.infer<typeof CycleSettings>;

export const Project = z
  .object({
    id: z.uuid(),
    workspaceId: z.uuid(),
    key: z.string(),
    name: z.string(),
    description: z.string(),
    visibility: Visibility,
    timezone: z.string(),
    version: z.number().int(),
    archivedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    role: ProjectRole.describe("Your effective role in the project"),
    cycleSettings: CycleSettings,
  })
  .meta({ id: "Project" });
export type Project = z.infer<typeof Project>;

export const CreateProjectInput = z
  .strictObject({
    name: Name,
    key: ProjectKey,
    description: Description.optional(),
    visibility: Visibility.optional(),
    timezone: Timezone.optional(),
  })
  .meta({ id: "CreateProjectInput" });
export type CreateProjectInput = z.infer<typeof CreateProjectInput>;

export const UpdateProjectInput = z
  .strictObject({
    name: Name.optional(),
    key: ProjectKey.optional(),
    description: Description.optional(),
    visibility: Visibility.optional(),
    timezone: Timezone.optional(),
  })
  .meta({ id: "UpdateProjectInput" });
export type UpdateProjectInput = z.infer<typeof UpdateProjectInput>;

export const Status = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    name: z.string(),
    category: StatusCategory,
    color: z.string(),
    position: z.string().describe("Fractional-index sort key; statuses are listed in this order"),
    isDefault: z.boolean().describe("New tasks without a statusId start here"),
    wipLimit: z
      .number()
      .int()
      .nullable()
      .describe("Work-in-progress limit: the board marks the column when it holds more tasks; null means no limit"),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Status" });
export type Status = z.infer<typeof Status>;

export const ProjectMember = z
  .object({ user: z.object({ id: z.uuid(), name: z.string(), email: z.string() }), role: ProjectRole, createdAt: z.iso.datetime() })
  .meta({ id: "ProjectMember" });
export type ProjectMember = z.infer<typeof ProjectMember>;

export const AddProjectMemberInput = z
  .strictObject({ userId: z.uuid("must be a user id (UUID)"), role: ProjectRole })
  .meta({ id: "AddProjectMemberInput" });
export type AddProjectMemberInput = z.infer<typeof AddProjectMemberInput>;

export const UpdateProjectMemberInput = z.strictObject({ role: ProjectRole }).meta({ id: "UpdateProjectMemberInput" });
export type UpdateProjectMemberInput = z.infer<typeof UpdateProjectMemberInput>;

const ShortName = z.string().trim().min(1, "must not be empty").max(50, "must be at most 50 characters");
const StatusRef = z.uuid("must be a status id (UUID)").nullable();
const WipLimit = z
  .int("must be a whole number")
  .min(1, "must be at least 1")
  .max(10_000, "must be at most 10000")
  .nullable()
  .describe("Work-in-progress limit for the board column; null removes it");

export const CreateStatusInput = z
  .strictObject({ name: ShortName, category: StatusCategory, color: Color.optional(), wipLimit: WipLimit.optional() })
  .meta({ id: "CreateStatusInput", description: "Added at the end of the workflow; move it with PATCH after/before" });
export type CreateStatusInput = z.infer<typeof CreateStatusInput>;

export const UpdateStatusInput = z
  .strictObject({
    name: ShortName.optional(),
    color: Color.optional(),
    wipLimit: WipLimit.optional(),
    isDefault: z
      .literal(true, "only true: make another status the default to move it")
      .optional()
      .describe("Make this the status new tasks start in"),
    after: StatusRef.optional().describe("Move right after this status; null moves it first"),
    before: StatusRef.optional().describe("Move right before this status; null moves it last"),
  })
  .refine((v) => v.after === undefined || v.before === undefined, { message: "give after or before, not both", path: ["before"] })
  .meta({ id: "UpdateStatusInput", description: "The category cannot change: create a new status and delete this one with moveTo" });
export type UpdateStatusInput = z.infer<typeof UpdateStatusInput>;

export const RemoveStatusQuery = z.object({
  moveTo: z.uuid("must be a status id (UUID)").optional().describe("Where the deleted status's tasks go; required while it holds tasks"),
});

export const Label = z
  .object({ id: z.uuid(), projectId: z.uuid(), name: z.string(), color: z.string(), createdAt: z.iso.datetime() })
  .meta({ id: "Label" });
export type Label = z.infer<typeof Label>;

export const CreateLabelInput = z.strictObject({ name: ShortName, color: Color.optional() }).meta({ id: "CreateLabelInput" });
export type CreateLabelInput = z.infer<typeof CreateLabelInput>;

export const UpdateLabelInput = z.strictObject({ name: ShortName.optional(), color: Color.optional() }).meta({ id: "UpdateLabelInput" });
export type UpdateLabelInput = z.infer<typeof UpdateLabelInput>;

/**
 * What the UI gets for a project: the API's Project plus what the caller may do. Not part of the
 * REST responses: `role` is the public contract, permissions are the UI's reading of it.
 */
export type ProjectWithPermissions = Project & { permissions: ProjectPermissions };
