import type { Database } from "@/db/client";
import { appLink, taskLink } from "../email/notification-email";
import type { Consumer } from "../events/dispatcher";
import type { OutboxEvent } from "../events/types";
import { logger } from "@/config/log";
import { announceNotifications } from "./announce";
import { projectInfo, taskFollowers, userRef, whoCanSee, type ProjectInfo } from "./audience";
import { createNotifications, type CreatedNotification, type NotificationDraft } from "./deliver";

function excerpt(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

type Base = { e: OutboxEvent; project: ProjectInfo; actor?: { id: string; name: string } };

function taskDraft(
  b: Base,
  task: { id: string; key: string; title: string },
  type: NotificationDraft["type"],
  userIds: string[],
  message: string,
  detail?: string,
): NotificationDraft {
  return {
    type,
    userIds: userIds.filter((id) => id !== b.e.actorId),
    dedupe: `evt:${b.e.id}:${type}`,
    eventId: b.e.id,
    projectId: b.project.id,
    taskId: task.id,
    actorId: b.e.actorId,
    subject: {
      task: { id: task.id, key: task.key, title: task.title },
      project: { id: b.project.id, key: b.project.key, name: b.project.name },
      workspace: { id: b.project.workspaceId, slug: b.project.workspaceSlug },
      actor: b.actor,
      message,
    },
    link: { href: taskLink(b.project.workspaceSlug, task.key), label: `Open ${task.key}` },
    detail,
    at: new Date(b.e.at),
  };
}

/** The notifications one outbox event causes (the contract's recipient rules; never the actor). */
async function draftsFor(tx: Database, b: Base): Promise<NotificationDraft[]> {
  const who = b.actor?.name ?? "Someone";
  const { e } = b;
  switch (e.type) {
    case "task.created": {
      const t = e.data;
      return [
        taskDraft(
          b,
          t,
          "task.assigned",
          t.assignees.map((a) => a.id),
          `${who} assigned you ${t.key}: ${t.title}`,
        ),
      ];
    }
    case "task.updated": {
      const { task: t, changes } = e.data;
      const drafts: NotificationDraft[] = [];
      for (const c of changes) {
        if (c.field === "assignees") {
          const before = new Set(c.from);
          drafts.push(
            taskDraft(
              b,
              t,
              "task.assigned",
              c.to.filter((id) => !before.has(id)),
              `${who} assigned you ${t.key}: ${t.title}`,
            ),
          );
        } else if (c.field === "status") {
          const audience = [...(await taskFollowers(tx, t.id)), ...t.assignees.map((a) => a.id)];
          drafts.push(taskDraft(b, t, "task.status_changed", audience, `${who} moved ${t.key} to ${t.status.name}`));
        }
      }
      return drafts;
    }
    case "comment.created": {
      const { task: t, mentions, comment } = e.data;
      const mentioned = new Set(mentions);
      // Someone both mentioned and following hears once, as mentioned.
      const followers = (await taskFollowers(tx, t.id)).filter((id) => !mentioned.has(id));
      return [
        taskDraft(b, t, "task.mentioned", [...mentioned], `${who} mentioned you on ${t.key}: ${t.title}`, excerpt(comment.body)),
        taskDraft(b, t, "task.commented", followers, `${who} commented on ${t.key}: ${t.title}`, excerpt(comment.body)),
      ];
    }
    case "project.member_added": {
      if (e.data.userId === e.actorId) return [];
      const p = b.project;
      return [
        {
          type: "project.member_added",
          userIds: [e.data.userId],
          dedupe: `evt:${e.id}:project.member_added`,
          eventId: e.id,
          projectId: p.id,
          taskId: null,
          actorId: e.actorId,
          subject: {
            project: { id: p.id, key: p.key, name: p.name },
            workspace: { id: p.workspaceId, slug: p.workspaceSlug },
            actor: b.actor,
            message: `${who} added you to ${p.name}`,
          },
          link: { href: appLink(`/w/${encodeURIComponent(p.workspaceSlug)}/p/${encodeURIComponent(p.key)}`), label: `Open ${p.name}` },
          at: new Date(e.at),
        },
      ];
    }
    default:
      return [];
  }
}

const relevant = new Set<OutboxEvent["type"]>(["task.created", "task.updated", "comment.created", "project.member_added"]);

export const notificationsConsumer: Consumer = {
  name: "notifications",
  async handle(tx, events, { afterCommit }) {
    const wanted = events.filter((e) => relevant.has(e.type));
    if (wanted.length === 0) return;
    const project = await projectInfo(tx, wanted[0]!.projectId);
    if (!project) return;
    const created: CreatedNotification[] = [];
    for (const e of wanted) {
      const base: Base = { e, project, actor: await userRef(tx, e.actorId) };
      for (const draft of await draftsFor(tx, base)) {
        draft.userIds = await whoCanSee(tx, project, draft.userIds);
        created.push(...(await createNotifications(tx, draft)));
      }
    }
    if (created.length) logger().debug({ count: created.length, projectId: project.id }, "notifications created");
    afterCommit(() => announceNotifications(created));
  },
};
