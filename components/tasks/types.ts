import type { Task } from "@/server/tasks";

export type { Task };
export type Person = { id: string; name: string; email: string };
export type StatusInfo = { id: string; name: string; category: string; color: string; position: string; isDefault: boolean };
export type LabelInfo = { id: string; name: string; color: string };
export type ProjectInfo = { id: string; key: string; name: string; role: string; archived: boolean };

export type BoardData = {
  project: ProjectInfo;
  slug: string;
  statuses: StatusInfo[];
  labels: LabelInfo[];
  people: Person[];
  tasks: Task[];
};

export const PRIORITIES = ["none", "low", "medium", "high", "urgent"] as const;
export type PriorityName = (typeof PRIORITIES)[number];
export const PRIORITY_LABEL: Record<PriorityName, string> = { none: "No priority", low: "Low", medium: "Medium", high: "High", urgent: "Urgent" };
