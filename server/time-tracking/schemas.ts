import { z } from "zod";
import { CalendarDate } from "../tasks/schemas";

/** Most a single entry may hold when logged or edited by hand: one day. */
export const MAX_ENTRY_SECONDS = 86_400;
export const MAX_NOTE_LENGTH = 1000;

const Duration = z
  .number("must be a number of seconds")
  .int("must be a whole number of seconds")
  .min(1, "must be at least 1 second")
  .max(MAX_ENTRY_SECONDS, `must be at most ${MAX_ENTRY_SECONDS} seconds (24 hours)`);
const Note = z
  .string()
  .trim()
  .max(MAX_NOTE_LENGTH, `must be at most ${MAX_NOTE_LENGTH} characters`)
  // PostgreSQL text cannot hold NUL; refusing it keeps it a 422 instead of a database error.
  .refine((s) => !s.includes("\u0000"), "must not contain NUL characters");

export const TimeEntry = z
  .object({
    id: z.uuid(),
    taskId: z.uuid(),
    projectId: z.uuid(),
    task: z.object({ id: z.uuid(), key: z.string(), title: z.string() }),
    user: z.object({ id: z.uuid(), name: z.string() }).describe("The entry's author, who owns it"),
    date: z.string().describe("The day the time counts for (YYYY-MM-DD)"),
    durationSeconds: z.number().int().nullable().describe("null while the timer runs"),
    running: z.boolean().describe("A timer that has not been stopped yet"),
    startedAt: z.iso.datetime().nullable().describe("When the timer started; null for time logged by hand"),
    endedAt: z.iso.datetime().nullable().describe("When the timer stopped; null while running or for time logged by hand"),
    note: z.string(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "TimeEntry" });
export type TimeEntry = z.infer<typeof TimeEntry>;

export const CreateTimeEntryInput = z
  .object({
    durationSeconds: Duration,
    date: CalendarDate.optional().describe("Default: today in the project's time zone"),
    note: Note.optional(),
  })
  .meta({ id: "CreateTimeEntryInput" });
export type CreateTimeEntryInput = z.infer<typeof CreateTimeEntryInput>;

export const UpdateTimeEntryInput = z
  .object({
    durationSeconds: Duration.optional().describe("Not while the timer runs (409)"),
    date: CalendarDate.optional(),
    note: Note.optional(),
  })
  .refine((o) => Object.values(o).some((v) => v !== undefined), { message: "name at least one field to change", path: [] })
  .meta({ id: "UpdateTimeEntryInput" });
export type UpdateTimeEntryInput = z.infer<typeof UpdateTimeEntryInput>;

export const TimerState = z.object({ running: TimeEntry.nullable().describe("Your running timer, if any") }).meta({ id: "TimerState" });
export type TimerState = z.infer<typeof TimerState>;

export const StartedTimer = z
  .object({
    running: TimeEntry.describe("The timer now running"),
    stopped: TimeEntry.nullable().describe("The timer this start stopped (one runs per person), if any"),
  })
  .meta({ id: "StartedTimer" });
export type StartedTimer = z.infer<typeof StartedTimer>;

export const ProjectTimeEntriesQuery = z
  .object({
    from: CalendarDate.optional().describe("First day (inclusive)"),
    to: CalendarDate.optional().describe("Last day (inclusive)"),
    user: z
      .union([z.literal("me"), z.uuid("must be a user id or me")])
      .optional()
      .describe("Only this person's entries: a user id, or `me`"),
  })
  .meta({ id: "ProjectTimeEntriesQuery" });
export type ProjectTimeEntriesQuery = z.infer<typeof ProjectTimeEntriesQuery>;

const Hours = z.number().describe("Seconds / 3600, rounded to 0.01");
export const TimeReport = z
  .object({
    range: z.object({ from: z.string(), to: z.string(), timezone: z.string() }),
    totalSeconds: z.number().int(),
    totalHours: Hours,
    entries: z.number().int(),
    byUser: z.array(
      z.object({ user: z.object({ id: z.uuid(), name: z.string() }), seconds: z.number().int(), hours: Hours, entries: z.number().int() }),
    ),
    byLabel: z
      .array(
        z.object({
          label: z.object({ id: z.uuid(), name: z.string(), color: z.string() }).nullable(),
          seconds: z.number().int(),
          hours: Hours,
          entries: z.number().int(),
        }),
      )
      .describe("An entry counts for every label of its task (so these may add up to more than the total); null = tasks without labels"),
  })
  .meta({ id: "TimeReport" });
export type TimeReport = z.infer<typeof TimeReport>;
