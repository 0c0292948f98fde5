import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { comments, tasks, users } from "@/db/schema";
import type { ServiceContext } from "../context";
import { NotFoundError } from "../errors";
import type { ProjectAction } from "../auth/policy";
import { getProjectForActorOrThrow, type ProjectAccess, type ProjectRow } from "../projects/internal";
import { projectVisibleUsers } from "../tasks/people";
import { nameHandle, parseMentions } from "./mentions";
import type { Comment } from "./schemas";

export type CommentRow = typeof comments.$inferSelect;
export type CommentAccess = ProjectAccess & { comment: CommentRow; task: { id: string; key: string; title: string } };

/** The comment with the caller's access to its project: 404 when invisible, 403/409 as for the project. */
export async function getCommentForActorOrThrow(args: {
  db: Database;
  ctx: ServiceContext;
  commentId: string;
  action: ProjectAction;
}): Promise<CommentAccess> {
  const [row] = await args.db
    .select({ comment: comments, task: { id: tasks.id, number: tasks.number, title: tasks.title, projectId: tasks.projectId } })
    .from(comments)
    .innerJoin(tasks, eq(tasks.id, comments.taskId))
    .where(and(eq(comments.id, args.commentId), isNull(tasks.deletedAt)));
  if (!row) throw new NotFoundError("Comment");
  let access: ProjectAccess;
  try {
    access = await getProjectForActorOrThrow({ db: args.db, ctx: args.ctx, projectId: row.task.projectId, action: args.action });
  } catch (error) {
    if (error instanceof NotFoundError) throw new NotFoundError("Comment");
    throw error;
  }
  return {
    ...access,
    comment: row.comment,
    task: { id: row.task.id, key: `${access.project.key}-${row.task.number}`, title: row.task.title },
  };
}

export async function toComments(db: Database, rows: CommentRow[]): Promise<Comment[]> {
  const authorIds = [...new Set(rows.flatMap((r) => (r.authorId ? [r.authorId] : [])))];
  const authors = authorIds.length
    ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, authorIds))
    : [];
  const names = new Map(authors.map((a) => [a.id, a.name]));
  return rows.map((r) => ({
    id: r.id,
    taskId: r.taskId,
    author: r.authorId ? { id: r.authorId, name: names.get(r.authorId) ?? "" } : null,
    body: r.body,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/** Keeps tasks.comments_text (searched through the generated tsvector) equal to the task's comment bodies. */
export async function syncCommentsText(tx: Database, taskId: string): Promise<void> {
  await tx
    .update(tasks)
    .set({
      commentsText: sql`coalesce((select string_agg(c.body, chr(10) order by c.created_at, c.id) from comments c where c.task_id = ${taskId}::uuid), '')`,
    })
    .where(eq(tasks.id, taskId));
}

/** Ids of the project-visible users the body mentions. */
export async function mentionedUserIds(db: Database, project: ProjectRow, body: string): Promise<string[]> {
  const handles = parseMentions(body);
  if (handles.length === 0) return [];
  const byName = sql`lower(regexp_replace(${users.name}, '[[:space:]]+', '', 'g'))`;
  const byEmail = sql`lower(split_part(${users.email}, '@', 1))`;
  const found = await projectVisibleUsers(db, project, or(inArray(byName, handles), inArray(byEmail, handles))!);
  // SQL and JS whitespace classes differ slightly; the JS rule is the one the parser uses.
  const wanted = new Set(handles);
  return found.filter((u) => wanted.has(nameHandle(u.name)) || wanted.has(u.email.split("@")[0]!.toLowerCase())).map((u) => u.id);
}
