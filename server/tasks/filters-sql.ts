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
  return terms;
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
