import { sql } from "drizzle-orm";
import type { ServiceContext } from "../context";
import { counterDbFor, dbFor, requireUserId } from "../transaction";
import { queryRows } from "../jobs/rows";
import { ConflictError } from "../errors";
import { EVENTS_CHANNEL } from "../events/channel";
import { eventPayloads, type EventType } from "../events/catalog";
import { settings } from "@/config/settings";
import { getProjectForActorOrThrow } from "../projects/internal";
import { CreateTaskInput } from "./schemas";
import { endOfColumn } from "./position";
import { priorityRank, type Task } from "./schemas";
import { checkAssignees, checkCycle, checkDates, checkLabels, checkParent, checkStatus, defaultStatus } from "./validate";
import { insertRowsOf } from "../custom-fields/task-values";
import { checkTaskFieldValues } from "./custom-field-values";

const TASK_CREATED = "task.created" satisfies EventType;

/**
 * Checks run as plain reads; then the task's number is taken from the project's counter in a statement
 * of its own (its row lock lasts that statement, not this create: creates in one project run side by
 * side; a create that fails after it leaves a gap, as the contract allows). The write is one statement
 * (task, assignees, labels, field values, activity, outbox event): atomic without BEGIN/COMMIT. It
 * holds the project's key-share lock, so an archive that commits first refuses it with 409.
 */
export async function createTask(args: { ctx: ServiceContext; projectId: string; input: CreateTaskInput }): Promise<Task> {
  const input = CreateTaskInput.parse(args.input);
  const actorId = requireUserId(args.ctx);
  const db = await dbFor(args.ctx);
  const { project } = await getProjectForActorOrThrow({ db, ctx: args.ctx, projectId: args.projectId, action: "project.write" });
  const status = input.statusId ? await checkStatus(db, project.id, input.statusId) : await defaultStatus(db, project.id);
  await checkLabels(db, project.id, input.labelIds ?? []);
  await checkAssignees(db, project, input.assigneeIds ?? []);
  if (input.parentId) await checkParent(db, project.id, null, input.parentId);
  if (input.cycleId) await checkCycle(db, project.id, input.cycleId);
  const cycleId = input.cycleId ?? null;
  checkDates(input.startDate ?? null, input.dueDate ?? null);
  const values = insertRowsOf(await checkTaskFieldValues(db, project, input.customFields, { creating: true }));
  const valueRows = JSON.stringify(values.map((v) => ({ field_id: v.fieldId, ...v.columns })));
  const valueJson = JSON.stringify(Object.fromEntries(values.map((v) => [v.fieldId, v.columns.value])));
  const position = await endOfColumn(db, project.id, status.id);

  const now = args.ctx.now.toISOString();
  const closed = status.category === "completed" || status.category === "canceled";
  const priority = input.priority ?? "none";
  const assigneeIds = JSON.stringify(input.assigneeIds ?? []);
  const labelIds = JSON.stringify(input.labelIds ?? []);
  const [allocated] = await queryRows<{ n: number }>(
    await counterDbFor(args.ctx),
    sql`update projects set next_task_number = next_task_number + 1 where id = ${project.id}::uuid and archived_at is null
        returning next_task_number - 1 as n`,
  );
  if (!allocated) throw new ConflictError("The project is archived; restore it before changing it");
  const result = (await db.execute(sql`
    with p as (
      select workspace_id, key, ${allocated.n}::int as n from projects
      where id = ${project.id}::uuid and archived_at is null
      for key share
    ), t as (
      insert into tasks (project_id, number, title, description, status_id, priority, reporter_id, due_date, start_date,
        estimate, parent_id, position, created_at, updated_at, completed_at, cycle_id)
      select ${project.id}::uuid, p.n, ${input.title}, ${input.description ?? ""}, ${status.id}::uuid,
        ${priorityRank[priority]}::smallint, ${actorId}::uuid, ${input.dueDate ?? null}::date, ${input.startDate ?? null}::date,
        ${input.estimate ?? null}::float8, ${input.parentId ?? null}::uuid, ${position}, ${now}::timestamptz, ${now}::timestamptz,
        ${closed ? now : null}::timestamptz, ${cycleId}::uuid
      from p
      returning id
    ), a as (
      insert into task_assignees (task_id, user_id) select t.id, x::uuid from t, jsonb_array_elements_text(${assigneeIds}::jsonb) x
    ), l as (
      insert into task_labels (task_id, label_id) select t.id, x::uuid from t, jsonb_array_elements_text(${labelIds}::jsonb) x
    ), cf as (
      insert into task_field_values (task_id, field_id, value, text_value, number_value, date_value, bool_value, option_ids)
      select t.id, x.field_id, x.value, x."textValue", x."numberValue", x."dateValue", x."boolValue", x."optionIds"
      from t, jsonb_to_recordset(${valueRows}::jsonb)
        as x(field_id uuid, value jsonb, "textValue" text, "numberValue" float8, "dateValue" date, "boolValue" boolean, "optionIds" text[])
    ), act as (
      insert into activity (task_id, project_id, actor_id, type, field, from_value, to_value, created_at)
      select t.id, ${project.id}::uuid, ${actorId}::uuid, 'created', 'status', null::jsonb, to_jsonb(${status.id}::text), ${now}::timestamptz
      from t
      -- The cycle history starts here too: a cycle report counts the task from this moment.
      union all
      select t.id, ${project.id}::uuid, ${actorId}::uuid, 'created', 'cycle', null::jsonb, to_jsonb(${cycleId}::text), ${now}::timestamptz
      from t where ${cycleId}::uuid is not null
    ), d as (
      select jsonb_build_object(
        'id', t.id, 'key', p.key || '-' || p.n, 'number', p.n, 'projectId', ${project.id}::text,
        'title', ${input.title}::text, 'description', ${input.description ?? ""}::text,
        'status', (select jsonb_build_object('id', s.id, 'name', s.name, 'category', s.category) from statuses s where s.id = ${status.id}::uuid),
        'priority', ${priority}::text,
        'assignees', (select coalesce(jsonb_agg(jsonb_build_object('id', u.id, 'name', u.name) order by u.name), '[]'::jsonb)
          from users u where u.id in (select x::uuid from jsonb_array_elements_text(${assigneeIds}::jsonb) x)),
        'labels', (select coalesce(jsonb_agg(jsonb_build_object('id', lb.id, 'name', lb.name, 'color', lb.color) order by lb.name), '[]'::jsonb)
          from labels lb where lb.id in (select x::uuid from jsonb_array_elements_text(${labelIds}::jsonb) x)),
        'reporter', (select jsonb_build_object('id', u.id, 'name', u.name) from users u where u.id = ${actorId}::uuid),
        'dueDate', ${input.dueDate ?? null}::text, 'startDate', ${input.startDate ?? null}::text, 'estimate', ${input.estimate ?? null}::float8,
        'parentId', ${input.parentId ?? null}::text, 'position', ${position}::text, 'version', 1,
        'createdAt', ${now}::text, 'updatedAt', ${now}::text, 'completedAt', ${closed ? now : null}::text,
        'seriesId', null,
        'customFields', ${valueJson}::jsonb,
        'cycleId', ${cycleId}::text
      ) as data, p.workspace_id
      from p, t
    ), e as (
      insert into events (workspace_id, project_id, type, actor_id, data)
      select d.workspace_id, ${project.id}::uuid, ${TASK_CREATED}::text, ${actorId}::uuid, d.data from d
    )
    select d.data, pg_notify(${EVENTS_CHANNEL}, ${project.id}) as notified from d`)) as unknown as { rows: { data: Task | string }[] };
  const row = result.rows[0];
  if (!row) throw new ConflictError("The project is archived; restore it before changing it");
  const task = (typeof row.data === "string" ? JSON.parse(row.data) : row.data) as Task;
  if (settings().NODE_ENV !== "production") eventPayloads[TASK_CREATED].parse(task);
  return task;
}
