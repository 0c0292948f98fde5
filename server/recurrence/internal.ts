import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { taskAssignees, taskLabels, taskSeries, type SeriesTemplate } from "@/db/schema";
import type { TaskRow } from "../tasks/internal";
import { ValidationError } from "../errors";
import { daysBetween, describeRule, nextOccurrences, parseRule, RuleError, type Rule } from "./rule";
import type { Recurrence } from "./schemas";

export type SeriesRow = typeof taskSeries.$inferSelect;

/** Parses a rule from a request: a bad one is a 422 naming `rule`. */
export function ruleOrThrow(text: string): Rule {
  try {
    return parseRule(text);
  } catch (error) {
    if (error instanceof RuleError) throw new ValidationError([{ path: "rule", message: error.message }]);
    throw error;
  }
}

export async function lockSeries(tx: Database, seriesId: string, opts: { skipLocked?: boolean } = {}): Promise<SeriesRow | null> {
  const q = tx.select().from(taskSeries).where(eq(taskSeries.id, seriesId));
  const [row] = await (opts.skipLocked ? q.for("update", { skipLocked: true }) : q.for("update"));
  return row ?? null;
}

/** Today in the project's time zone (YYYY-MM-DD). */
export function todayIn(timezone: string, now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** The date an occurrence stands for: its due date, else its start date, else `fallback`. */
export function occurrenceDateOf(task: Pick<TaskRow, "dueDate" | "startDate">, fallback: string): string {
  return task.dueDate ?? task.startDate ?? fallback;
}

/** What later occurrences copy from this task; dates become offsets from the occurrence date. */
export async function templateOf(tx: Database, task: TaskRow, occurrenceDate: string): Promise<SeriesTemplate> {
  const assignees = await tx.select({ id: taskAssignees.userId }).from(taskAssignees).where(eq(taskAssignees.taskId, task.id));
  const labels = await tx.select({ id: taskLabels.labelId }).from(taskLabels).where(eq(taskLabels.taskId, task.id));
  return {
    title: task.title,
    description: task.description,
    priority: task.priority,
    estimate: task.estimate,
    assigneeIds: assignees.map((a) => a.id),
    labelIds: labels.map((l) => l.id),
    dueOffset: task.dueDate ? daysBetween(occurrenceDate, task.dueDate) : null,
    startOffset: task.startDate ? daysBetween(occurrenceDate, task.startDate) : null,
  };
}

/** The series as seen from one of its tasks. */
export function toRecurrence(series: SeriesRow, task: Pick<TaskRow, "occurrenceIndex" | "occurrenceDate">): Recurrence {
  const rule = parseRule(series.rule);
  const occurrence = { index: task.occurrenceIndex ?? series.startIndex, date: task.occurrenceDate ?? series.dtstart };
  return {
    seriesId: series.id,
    rule: series.rule,
    trigger: series.trigger,
    description: describeRule(rule, series.dtstart),
    startsOn: series.dtstart,
    occurrence,
    nextDates: nextOccurrences(rule, { dtstart: series.dtstart, startIndex: series.startIndex, ...occurrence }, 3).map((o) => o.date),
    version: series.version,
    createdAt: series.createdAt.toISOString(),
    updatedAt: series.updatedAt.toISOString(),
  };
}
