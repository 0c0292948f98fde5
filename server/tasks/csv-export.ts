import { and, isNull, asc, eq, gt, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { stringify } from "csv-stringify/sync";
import type { Database } from "@/db/client";
import { cycles, labels, statuses, taskAssignees, taskLabels, tasks, users } from "@/db/schema";
import type { ServiceContext } from "../context";
import { dbFor } from "../transaction";
import { getProjectForActorOrThrow } from "../projects/internal";
import { csvColumns, escapeCell, type CsvRecord } from "./csv-format";
import { priorityOf } from "./schemas";
import { fieldCells, fieldColumn, projectFields } from "./csv-fields";
import type { FieldRow } from "../custom-fields/internal";

const BATCH = 500;

/** GET /projects/{projectId}/tasks/export.csv: every task by number, streamed in batches. */
export async function exportTasksCsv(args: { ctx: ServiceContext; projectId: string }): Promise<Response> {
  const db = await dbFor(args.ctx);
  const { project } = await getProjectForActorOrThrow({ db, ctx: args.ctx, projectId: args.projectId, action: "project.read" });
  const fields = await projectFields(db, project.id);
  const columns = [...csvColumns, ...fields.map(fieldColumn)];
  let after = 0;
  let first = true;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const records = await batch(db, project.id, project.key, after, fields);
      if (first || records.length)
        controller.enqueue(
          new TextEncoder().encode(
            stringify(
              records.map((r) => r.record),
              { header: first, columns },
            ),
          ),
        );
      first = false;
      if (records.length < BATCH) return controller.close();
      after = records[records.length - 1]!.number;
    },
  });
  const filename = `${project.key.toLowerCase()}-tasks.csv`;
  return new Response(body, {
    status: 200,
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"` },
  });
}

async function batch(
  db: Database,
  projectId: string,
  projectKey: string,
  after: number,
  fields: FieldRow[],
): Promise<{ number: number; record: CsvRecord }[]> {
  const parent = alias(tasks, "parent");
  const rows = await db
    .select({ task: tasks, status: statuses.name, parentNumber: parent.number, cycle: cycles.name })
    .from(tasks)
    .innerJoin(statuses, eq(statuses.id, tasks.statusId))
    .leftJoin(cycles, eq(cycles.id, tasks.cycleId))
    .leftJoin(parent, and(eq(parent.id, tasks.parentId), isNull(parent.deletedAt)))
    .where(and(eq(tasks.projectId, projectId), isNull(tasks.deletedAt), gt(tasks.number, after)))
    .orderBy(asc(tasks.number))
    .limit(BATCH);
  const ids = rows.map((r) => r.task.id);
  const [emails, names] = ids.length
    ? await Promise.all([
        db
          .select({ taskId: taskAssignees.taskId, v: users.email })
          .from(taskAssignees)
          .innerJoin(users, eq(users.id, taskAssignees.userId))
          .where(inArray(taskAssignees.taskId, ids))
          .orderBy(users.email),
        db
          .select({ taskId: taskLabels.taskId, v: labels.name })
          .from(taskLabels)
          .innerJoin(labels, eq(labels.id, taskLabels.labelId))
          .where(inArray(taskLabels.taskId, ids))
          .orderBy(labels.name),
      ])
    : [[], []];
  const custom = await fieldCells(db, fields, ids);
  const joined = (list: { taskId: string; v: string }[], id: string) =>
    list
      .filter((x) => x.taskId === id)
      .map((x) => x.v)
      .join(";");
  return rows.map(({ task: t, status, parentNumber, cycle }) => ({
    number: t.number,
    record: Object.fromEntries(
      Object.entries({
        key: `${projectKey}-${t.number}`,
        title: t.title,
        description: t.description,
        status,
        priority: priorityOf(t.priority),
        assignees: joined(emails, t.id),
        labels: joined(names, t.id),
        dueDate: t.dueDate ?? "",
        startDate: t.startDate ?? "",
        estimate: t.estimate === null ? "" : String(t.estimate),
        parent: parentNumber === null ? "" : `${projectKey}-${parentNumber}`,
        cycle: cycle ?? "",
      })
        .map(([k, v]) => [k, escapeCell(v)])
        .concat(Object.entries(custom.get(t.id) ?? {})),
    ) as CsvRecord,
  }));
}
