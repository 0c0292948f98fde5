import { z } from "zod";
import { Weekday } from "../projects/schemas";
import { CalendarDate } from "../tasks/schemas";

// Cycles (sprints): the REST shapes. A leaf module (the event catalog imports it).

export { CycleSettings, Weekday, weekdays } from "../projects/schemas";

export const UpdateCycleSettingsInput = z
  .strictObject({
    enabled: z.boolean().optional(),
    lengthWeeks: z.int("must be a whole number").min(1, "must be 1 to 4 weeks").max(4, "must be 1 to 4 weeks").optional(),
    startDay: Weekday.optional(),
    carryOver: z.boolean().optional(),
  })
  .refine((o) => Object.values(o).some((v) => v !== undefined), { message: "name at least one setting to change", path: [] })
  .meta({ id: "UpdateCycleSettingsInput" });
export type UpdateCycleSettingsInput = z.infer<typeof UpdateCycleSettingsInput>;

export const cycleStates = ["upcoming", "active", "ended", "completed"] as const;

export const Cycle = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    number: z.number().int().describe("1, 2, 3… per project, in creation order"),
    name: z.string(),
    startDate: z.string().describe("First day (YYYY-MM-DD, in the project's time zone)"),
    endDate: z.string().describe("Last day, inclusive"),
    state: z
      .enum(cycleStates)
      .describe("upcoming, active (holds today), ended (past its end, waiting for the scheduler to close it) or completed"),
    automatic: z.boolean().describe("Created by the scheduler from the project's cycle settings"),
    taskCount: z.number().int().describe("Tasks in the cycle now"),
    completedTaskCount: z.number().int().describe("Of those, in a completed status"),
    completedAt: z.iso.datetime().nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Cycle" });
export type Cycle = z.infer<typeof Cycle>;

const Name = z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters");

export const CreateCycleInput = z
  .strictObject({
    name: Name.optional().describe('Default "Cycle <number>"'),
    startDate: CalendarDate,
    endDate: CalendarDate.describe("Inclusive; at most 366 days after startDate"),
  })
  .meta({ id: "CreateCycleInput", description: "Dates must not overlap another cycle of the project (422 naming startDate)" });
export type CreateCycleInput = z.infer<typeof CreateCycleInput>;

export const UpdateCycleInput = z
  .strictObject({ name: Name.optional(), startDate: CalendarDate.optional(), endDate: CalendarDate.optional() })
  .refine((o) => Object.values(o).some((v) => v !== undefined), { message: "name at least one field to change", path: [] })
  .meta({ id: "UpdateCycleInput", description: "A completed cycle keeps its dates; only its name may change" });
export type UpdateCycleInput = z.infer<typeof UpdateCycleInput>;

export const CycleListQuery = z.object({
  state: z
    .enum(["upcoming", "active", "ended", "completed", "open"])
    .optional()
    .describe("Only cycles in this state; open = not completed"),
});

const Amount = z.object({ tasks: z.number().int(), points: z.number() });

export const CycleReport = z
  .object({
    cycleId: z.uuid(),
    unit: z.enum(["points", "tasks"]).describe("points when a task in the cycle has an estimate, else tasks; the days use it"),
    frozen: z.boolean().describe("True for a completed cycle: the numbers as they stood when it ended"),
    scopeAtStart: Amount.describe("In the cycle when its first day began"),
    added: Amount.describe("Joined after the start and before the end"),
    removed: Amount.describe("In the cycle at some point during it, not at its end"),
    completed: Amount.describe("In the cycle at its end (or now), in a completed status"),
    carriedOver: Amount.describe("In the cycle at its end and not finished (neither completed nor canceled): moved to the next cycle"),
    days: z
      .array(
        z.object({
          date: z.string(),
          scope: z.number().describe("In the cycle at the end of the day"),
          completed: z.number().describe("Of those, completed"),
          remaining: z.number().describe("Of those, not finished (burndown)"),
          ideal: z.number().describe("The straight line from the first day's scope to zero on the last day"),
        }),
      )
      .describe("One row per day from the first day to the last (or today), from the status and cycle history"),
  })
  .meta({ id: "CycleReport" });
export type CycleReport = z.infer<typeof CycleReport>;
