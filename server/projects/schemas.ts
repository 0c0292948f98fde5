import { z } from "zod";
import { projectRoles } from "@/db/schema";
import { StatusCategory } from "../tasks/schemas";

export const ProjectRole = z.enum(projectRoles).meta({ id: "ProjectRole" });
export type ProjectRole = z.infer<typeof ProjectRole>;
export const Visibility = z.enum(["workspace", "private"]).meta({ id: "ProjectVisibility" });

export const ProjectKey = z
  .string()
  .regex(/^[A-Z][A-Z0-9]{1,9}$/, "must be 2–10 characters of A-Z and 0-9, starting with a letter");

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

export const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a colour #rrggbb").transform((c) => c.toLowerCase());

const Name = z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters");
const Description = z.string().max(10_000, "must be at most 10000 characters");

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
  })
  .meta({ id: "Project" });
export type Project = z.infer<typeof Project>;

export const CreateProjectInput = z
  .strictObject({ name: Name, key: ProjectKey, description: Description.optional(), visibility: Visibility.optional(), timezone: Timezone.optional() })
  .meta({ id: "CreateProjectInput" });
export type CreateProjectInput = z.infer<typeof CreateProjectInput>;

export const UpdateProjectInput = z
  .strictObject({ name: Name.optional(), key: ProjectKey.optional(), description: Description.optional(), visibility: Visibility.optional(), timezone: Timezone.optional() })
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
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Status" });
export type Status = z.infer<typeof Status>;
