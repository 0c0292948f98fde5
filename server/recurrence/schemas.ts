import { z } from "zod";

export const RecurrenceTrigger = z
  .enum(["on_complete", "on_schedule"])
  .describe("on_complete: the next occurrence is created when this one is completed; on_schedule: on its date, done or not")
  .meta({ id: "RecurrenceTrigger" });
export type RecurrenceTrigger = z.infer<typeof RecurrenceTrigger>;

export const SetRecurrenceInput = z
  .object({
    rule: z
      .string()
      .max(300, "must be at most 300 characters")
      .describe(
        'An RFC 5545 RRULE (the "RRULE:" prefix is optional): FREQ=DAILY|WEEKLY|MONTHLY|YEARLY, INTERVAL, BYDAY (MO…SU, 2TU = the second Tuesday, -1FR = the last Friday), BYMONTHDAY, BYMONTH, BYSETPOS, WKST, and UNTIL=YYYYMMDD or COUNT=N (occurrences in all, this task included)',
      )
      .meta({ examples: ["FREQ=WEEKLY;BYDAY=MO,WE", "FREQ=MONTHLY;BYDAY=2TU;COUNT=6"] }),
    trigger: RecurrenceTrigger.default("on_complete"),
  })
  .meta({ id: "SetRecurrenceInput" });
export type SetRecurrenceInput = z.input<typeof SetRecurrenceInput>;

export const Recurrence = z
  .object({
    seriesId: z.uuid(),
    rule: z.string().describe("The rule as stored (normalised, upper case, without DTSTART)"),
    trigger: RecurrenceTrigger,
    description: z.string().describe('The rule in words, e.g. "every week on Monday"'),
    startsOn: z.string().describe("DTSTART: the date the rule counts from (the occurrence it was set on)"),
    occurrence: z.object({ index: z.number().int().describe("1 = the first task of the series"), date: z.string() }),
    nextDates: z
      .array(z.string())
      .max(3)
      .describe("Up to the next three occurrence dates after this task's (empty when the series ends here)"),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Recurrence" });
export type Recurrence = z.infer<typeof Recurrence>;

export const SeriesScope = z
  .enum(["this", "future"])
  .describe(
    "For a task of a recurring series: this (default) changes this occurrence only; future also changes the series' template (title, description, priority, estimate, assignees, labels) and the later occurrences not completed yet. Status, position, dates and parent always change on this task only.",
  );
export type SeriesScope = z.infer<typeof SeriesScope>;
export const SeriesScopeQuery = z.object({ scope: SeriesScope.optional() });
