import { z } from "zod";
import { StatusCategory } from "../projects/schemas";

/** A strict calendar date, `YYYY-MM-DD`, that exists (no 2025-02-30). */
export const RangeDate = z.string().refine((v) => {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(v) ? Date.parse(`${v}T00:00:00Z`) : NaN;
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(v);
}, "must be a real calendar date YYYY-MM-DD");

export const AnalyticsQuery = z
  .object({
    from: RangeDate.optional().meta({
      description: "First day of the range (inclusive). Default: the Monday 11 weeks before the current week's",
    }),
    to: RangeDate.optional().meta({
      description: "Last day of the range (inclusive). Default: today in the project's time zone. At most 2 years after from",
    }),
  })
  .meta({ id: "AnalyticsQuery" });
export type AnalyticsQuery = z.infer<typeof AnalyticsQuery>;

const UserRef = z.object({ id: z.uuid(), name: z.string() });
const Percentiles = z
  .object({ p50: z.number().nullable(), p85: z.number().nullable(), p95: z.number().nullable() })
  .meta({ id: "AnalyticsPercentiles" });
const Range = z.object({ from: z.string(), to: z.string(), timezone: z.string() });

export const ByCategory = z.object({
  backlog: z.number().int(),
  unstarted: z.number().int(),
  started: z.number().int(),
  completed: z.number().int(),
  canceled: z.number().int(),
});
export const ByPriority = z.object({
  none: z.number().int(),
  low: z.number().int(),
  medium: z.number().int(),
  high: z.number().int(),
  urgent: z.number().int(),
});
export const AssigneeLoad = z
  .object({ user: UserRef.nullable(), count: z.number().int(), estimate: z.number() })
  .meta({ id: "AnalyticsAssigneeLoad" });
export const ThroughputWeek = z
  .object({ weekStart: z.string(), created: z.number().int(), completed: z.number().int() })
  .meta({ id: "AnalyticsThroughputWeek" });
export const CompletedTask = z
  .object({
    id: z.uuid(),
    key: z.string(),
    title: z.string(),
    completedAt: z.iso.datetime(),
    cycleTimeHours: z.number().nullable(),
    leadTimeHours: z.number(),
  })
  .meta({ id: "AnalyticsCompletedTask" });

export const Headline = z.object({
  overdue: z.number().int(),
  dueThisWeek: z.number().int(),
  unassigned: z.number().int(),
  blocked: z.number().int(),
});

export const ProjectAnalytics = z
  .object({
    range: Range,
    counts: z.object({
      byStatus: z.array(z.object({ statusId: z.uuid(), name: z.string(), category: StatusCategory, count: z.number().int() })),
      byCategory: ByCategory,
      byPriority: ByPriority,
      byAssignee: z.array(AssigneeLoad),
    }),
    ...Headline.shape,
    throughput: z.array(ThroughputWeek),
    cycleTimeHours: Percentiles,
    leadTimeHours: Percentiles,
    cumulativeFlow: z.array(z.object({ date: z.string(), counts: z.record(z.string(), z.number().int()) })),
    completedCount: z.number().int().meta({ description: "Tasks completed in the range (the sample behind the percentiles)" }),
    slowest: z.array(CompletedTask).meta({ description: "The 10 slowest tasks completed in the range, by cycle time (then lead time)" }),
    completions: z
      .array(CompletedTask)
      .meta({ description: "Tasks completed in the range, newest first, at most 1000 (the cycle-time scatter)" }),
  })
  .meta({ id: "ProjectAnalytics" });
export type ProjectAnalytics = z.infer<typeof ProjectAnalytics>;

export const ProjectSummary = z
  .object({
    id: z.uuid(),
    key: z.string(),
    name: z.string(),
    open: z.number().int(),
    ...Headline.shape,
    created: z.number().int(),
    completed: z.number().int(),
    cycleTimeP50: z.number().nullable(),
  })
  .meta({ id: "AnalyticsProjectSummary" });

export const WorkspaceAnalytics = z
  .object({
    range: Range,
    projects: z.array(ProjectSummary),
    counts: z.object({ open: z.number().int(), byCategory: ByCategory, byPriority: ByPriority, byAssignee: z.array(AssigneeLoad) }),
    ...Headline.shape,
    throughput: z.array(ThroughputWeek),
    cycleTimeHours: Percentiles,
    leadTimeHours: Percentiles,
    completedCount: z.number().int(),
  })
  .meta({ id: "WorkspaceAnalytics" });
export type WorkspaceAnalytics = z.infer<typeof WorkspaceAnalytics>;

export const csvTables = [
  "summary",
  "status",
  "category",
  "priority",
  "assignee",
  "throughput",
  "cumulative-flow",
  "completions",
  "slowest",
] as const;
export const workspaceCsvTables = ["projects", "priority", "category", "assignee", "throughput"] as const;
export const CsvQuery = AnalyticsQuery.extend({ table: z.enum(csvTables) }).meta({ id: "AnalyticsCsvQuery" });
export const WorkspaceCsvQuery = AnalyticsQuery.extend({ table: z.enum(workspaceCsvTables) }).meta({ id: "WorkspaceAnalyticsCsvQuery" });
