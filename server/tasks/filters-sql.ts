import { gte, inArray, isNull, lte, or, sql, eq, type SQL } from "drizzle-orm";
import { statuses, taskAssignees, taskLabels, tasks } from "@/db/schema";
import type { TaskFilters } from "./filters";
import { priorityRank } from "./schemas";

/** The WHERE terms of the list filters (all ANDed; the values of one filter ORed). q is handled by search.ts. */
export function filterConditions(f: TaskFilters, scope: { projectIds: string[]; userId: string }): SQL[] {
  const terms: SQL[] = [];
  if (f.status) terms.push(inArray(tasks.statusId, f.status));
  if (f.category) {
    terms.push(
      inArray(
        tasks.statusId,
        sql`(select ${statuses.id} from ${statuses} where ${inArray(statuses.projectId, scope.projectIds)} and ${inArray(statuses.category, f.category)})`,
      ),
    );
  }
  if (f.assignee) terms.push(assigneeTerm(f.assignee, scope.userId));
  if (f.label) {
    terms.push(
      sql`exists (select 1 from ${taskLabels} where ${taskLabels.taskId} = ${tasks.id} and ${inArray(taskLabels.labelId, f.label)})`,
    );
  }
  if (f.priority)
    terms.push(
      inArray(
        tasks.priority,
        f.priority.map((p) => priorityRank[p]),
      ),
    );
  if (f.dueBefore) terms.push(lte(tasks.dueDate, f.dueBefore));
  if (f.dueAfter) terms.push(gte(tasks.dueDate, f.dueAfter));
  if (f.parentId) terms.push(f.parentId === "none" ? isNull(tasks.parentId) : eq(tasks.parentId, f.parentId));
  if (f.cycle) terms.push(cycleTerm(f.cycle, scope.projectIds));
  return terms;
}

/** current / next are read per project, in its time zone; ids and none directly on the column. */
function cycleTerm(values: string[], projectIds: string[]): SQL {
  const any: SQL[] = [];
  const ids = values.filter((v) => v !== "current" && v !== "next" && v !== "none");
  const today = sql`(now() at time zone p.timezone)::date`;
  if (ids.length) any.push(inArray(tasks.cycleId, ids));
  if (values.includes("none")) any.push(isNull(tasks.cycleId));
  if (values.includes("current"))
    any.push(
      inArray(
        tasks.cycleId,
        sql`(select c.id from cycles c join projects p on p.id = c.project_id
          where ${inArray(sql`c.project_id`, projectIds)} and c.start_date <= ${today} and c.end_date >= ${today})`,
      ),
    );
  if (values.includes("next"))
    any.push(
      inArray(
        tasks.cycleId,
        sql`(select distinct on (c.project_id) c.id from cycles c join projects p on p.id = c.project_id
          where ${inArray(sql`c.project_id`, projectIds)} and c.start_date > ${today} order by c.project_id, c.start_date)`,
      ),
    );
  return any.length === 1 ? any[0]! : or(...any)!;
}

function assigneeTerm(values: string[], userId: string): SQL {
  const ids = [...new Set(values.filter((v) => v !== "none").map((v) => (v === "me" ? userId : v)))];
  const any: SQL[] = [];
  if (ids.length)
    any.push(
      sql`exists (select 1 from ${taskAssignees} where ${taskAssignees.taskId} = ${tasks.id} and ${inArray(taskAssignees.userId, ids)})`,
    );
  if (values.includes("none")) any.push(sql`not exists (select 1 from ${taskAssignees} where ${taskAssignees.taskId} = ${tasks.id})`);
  return any.length === 1 ? any[0]! : or(...any)!;
}
