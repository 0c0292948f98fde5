import { and, eq, isNotNull, isNull, notInArray, sql } from "drizzle-orm";
import { database, type Database } from "@/db/client";
import { projects, statuses, taskAssignees, tasks, workspaces } from "@/db/schema";
import { taskLink } from "../email/notification-email";
import { settings } from "@/config/settings";
import { startLoop, type WorkLoop } from "../jobs/loop";
import { announceNotifications } from "./announce";
import { whoCanSee } from "./audience";
import { createNotifications, type CreatedNotification } from "./deliver";

/**
 * Reminds assignees of open tasks due today or tomorrow (in the project's time zone). Idempotent
 * per task and due date, so it may run often and on every pod; moving the date re-arms it.
 */
export async function remindDueSoon(now = new Date()): Promise<number> {
  const db = await database();
  const at = now.toISOString();
  const due = await db
    .select({
      id: tasks.id,
      number: tasks.number,
      title: tasks.title,
      dueDate: tasks.dueDate,
      project: {
        id: projects.id,
        key: projects.key,
        name: projects.name,
        visibility: projects.visibility,
        workspaceId: projects.workspaceId,
      },
      workspaceSlug: workspaces.slug,
    })
    .from(tasks)
    .innerJoin(projects, eq(projects.id, tasks.projectId))
    .innerJoin(workspaces, eq(workspaces.id, projects.workspaceId))
    .innerJoin(statuses, eq(statuses.id, tasks.statusId))
    .where(
      and(
        isNull(projects.archivedAt),
        isNull(tasks.deletedAt),
        isNotNull(tasks.dueDate),
        notInArray(statuses.category, ["completed", "canceled"]),
        sql`${tasks.dueDate} >= (${at}::timestamptz at time zone ${projects.timezone})::date`,
        sql`${tasks.dueDate} <= ((${at}::timestamptz at time zone ${projects.timezone}) + interval '1 day')::date`,
      ),
    );
  let count = 0;
  for (const t of due) {
    const key = `${t.project.key}-${t.number}`;
    const created: CreatedNotification[] = await db.transaction(async (tx) => {
      const assignees = await (tx as unknown as Database)
        .select({ id: taskAssignees.userId })
        .from(taskAssignees)
        .where(eq(taskAssignees.taskId, t.id));
      const userIds = await whoCanSee(
        tx as unknown as Database,
        { ...t.project, workspaceSlug: t.workspaceSlug },
        assignees.map((a) => a.id),
      );
      return createNotifications(tx as unknown as Database, {
        type: "task.due_soon",
        userIds,
        dedupe: `due:${t.id}:${t.dueDate}`,
        eventId: null,
        projectId: t.project.id,
        taskId: t.id,
        actorId: null,
        subject: {
          task: { id: t.id, key, title: t.title },
          project: { id: t.project.id, key: t.project.key, name: t.project.name },
          workspace: { id: t.project.workspaceId, slug: t.workspaceSlug },
          message: `${key} is due ${t.dueDate}: ${t.title}`,
        },
        link: { href: taskLink(t.workspaceSlug, key), label: `Open ${key}` },
      });
    });
    count += created.length;
    await announceNotifications(created);
  }
  return count;
}

export function startDueSoonScheduler(): WorkLoop {
  return startLoop("due-soon", settings().DUE_SOON_INTERVAL_MS, async () => {
    await remindDueSoon();
    return false;
  });
}
