import { z } from "zod";
import { Comment } from "../comments/schemas";
import { Cycle } from "../cycles/schemas";
import { Project, ProjectRole } from "../projects/schemas";
import { Priority, Task } from "../tasks/schemas";
import { TimeEntry } from "../time-tracking/schemas";
import { CustomField } from "../custom-fields/schemas";

// The one list of outbox events and their payloads. The recorder accepts only these payloads, the
// dispatcher parses stored rows through them, and the webhook section of the OpenAPI document and
// the browser's event types are derived from them. Imports only leaf schema modules.

const Id = z.uuid();
const change = <F extends string, V extends z.ZodType>(field: F, value: V) => z.object({ field: z.literal(field), from: value, to: value });

/** One changed task field, as diff/activity name it: ids for status, assignees, labels, parent and blockedBy (id lists sorted). */
export const TaskFieldChange = z
  .discriminatedUnion("field", [
    change("title", z.string()),
    change("description", z.string()),
    change("dueDate", z.string().nullable()),
    change("startDate", z.string().nullable()),
    change("estimate", z.number().nullable()),
    change("priority", Priority),
    change("parent", Id.nullable()),
    change("status", Id),
    change("position", z.string()),
    change("assignees", z.array(Id)),
    change("labels", z.array(Id)),
    change("blockedBy", z.array(Id)),
    change("recurrence", z.string().nullable()),
    z.object({
      field: z.literal("customField"),
      fieldId: Id,
      from: z.unknown().describe("The old value, null when empty"),
      to: z.unknown().describe("The new value, null when cleared"),
    }),
    change("cycle", Id.nullable()),
  ])
  .meta({ id: "TaskFieldChange" });
export type TaskFieldChange = z.infer<typeof TaskFieldChange>;
export type TaskField = TaskFieldChange["field"];

const TaskRef = z.object({ id: Id, key: z.string(), title: z.string() }).meta({ id: "EventTaskRef" });

export const TaskUpdatedPayload = z.object({ task: Task, changes: z.array(TaskFieldChange).min(1) }).meta({ id: "TaskUpdatedPayload" });
export const TaskDeletedPayload = z.object({ id: Id, key: z.string() }).meta({ id: "TaskDeletedPayload" });
export const CommentPayload = z
  .object({ comment: Comment, task: TaskRef, mentions: z.array(Id).meta({ description: "Ids of the users the body @mentions" }) })
  .meta({ id: "CommentPayload" });
export const CommentDeletedPayload = z.object({ id: Id, task: TaskRef }).meta({ id: "CommentDeletedPayload" });
export const projectFields = ["name", "key", "description", "visibility", "timezone", "archivedAt", "cycleSettings"] as const;
export const ProjectUpdatedPayload = Project.omit({ role: true })
  .extend({ changed: z.array(z.enum(projectFields)).meta({ description: "The fields this change set" }) })
  .meta({ id: "ProjectUpdatedPayload" });
export const MemberAddedPayload = z.object({ userId: Id, role: ProjectRole }).meta({ id: "MemberAddedPayload" });
export const MemberRemovedPayload = z.object({ userId: Id }).meta({ id: "MemberRemovedPayload" });

export const TimeEntryPayload = z.object({ entry: TimeEntry, task: TaskRef }).meta({ id: "TimeEntryPayload" });
export const TimeEntryDeletedPayload = z.object({ id: Id, userId: Id, task: TaskRef }).meta({ id: "TimeEntryDeletedPayload" });
export const CustomFieldDeletedPayload = z.object({ id: Id, name: z.string() }).meta({ id: "CustomFieldDeletedPayload" });
export const cycleFields = ["name", "startDate", "endDate"] as const;
export const CycleUpdatedPayload = Cycle.extend({
  changed: z.array(z.enum(cycleFields)).meta({ description: "The fields this change set" }),
}).meta({ id: "CycleUpdatedPayload" });
export const CycleCompletedPayload = Cycle.extend({
  carriedOver: z.number().int().meta({ description: "Unfinished tasks moved to the next cycle" }),
  nextCycleId: Id.nullable().meta({ description: "Where they went; null when carry-over is off or there is no next cycle" }),
}).meta({ id: "CycleCompletedPayload" });
export const CycleDeletedPayload = z.object({ id: Id, name: z.string() }).meta({ id: "CycleDeletedPayload" });

export const eventPayloads = {
  "task.created": Task,
  "task.updated": TaskUpdatedPayload,
  "task.deleted": TaskDeletedPayload,
  "task.restored": Task,
  "comment.created": CommentPayload,
  "comment.updated": CommentPayload,
  "comment.deleted": CommentDeletedPayload,
  "project.updated": ProjectUpdatedPayload,
  "project.member_added": MemberAddedPayload,
  "project.member_removed": MemberRemovedPayload,
  "time_entry.created": TimeEntryPayload,
  "time_entry.updated": TimeEntryPayload,
  "time_entry.deleted": TimeEntryDeletedPayload,
  "custom_field.created": CustomField,
  "custom_field.updated": CustomField,
  "custom_field.deleted": CustomFieldDeletedPayload,
  "cycle.created": Cycle,
  "cycle.updated": CycleUpdatedPayload,
  "cycle.completed": CycleCompletedPayload,
  "cycle.deleted": CycleDeletedPayload,
} as const;

export type EventType = keyof typeof eventPayloads;
export type EventPayload<T extends EventType = EventType> = z.infer<(typeof eventPayloads)[T]>;
export const eventTypes = Object.keys(eventPayloads) as [EventType, ...EventType[]];

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(eventPayloads, type);
}

/**
 * An event as the realtime gateway emits it (`{ id, type, projectId, actorId, at, data }`), one
 * member per type, so `event.type === "task.updated"` narrows `event.data`.
 */
export type RealtimeEvent<T extends EventType = EventType> = {
  [K in T]: { id: number; type: K; projectId: string; actorId: string | null; at: string; data: EventPayload<K> };
}[T];
