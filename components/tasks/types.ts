import type { ProjectPermissions } from "@/server/auth/policy";
import type { Task } from "@/server/tasks";

export type { ProjectPermissions, Task };
export type Person = { id: string; name: string; email: string };
export type StatusInfo = {
  id: string;
  name: string;
  category: string;
  color: string;
  position: string;
  isDefault: boolean;
  wipLimit: number | null;
};
export type LabelInfo = { id: string; name: string; color: string };
/** A project's custom field, as pickers, cards, list columns and filters need it. */
export type FieldInfo = {
  id: string;
  name: string;
  type: "text" | "number" | "single_select" | "multi_select" | "date" | "person" | "checkbox" | "url";
  options: { id: string; name: string; color: string }[];
  required: boolean;
  showOnCard: boolean;
};
/** An open cycle of the project, for the cycle picker and filter. */
export type CycleInfo = { id: string; name: string; startDate: string; endDate: string; state: string };
/** `permissions` come from the server's policy: components never derive them from a role. */
export type ProjectInfo = { id: string; key: string; name: string; archived: boolean; permissions: ProjectPermissions };
/** A board column beyond the cards loaded: how many match, and the task list cursor for more. */
export type ColumnInfo = { statusId: string; count: number; nextCursor: string | null };

export type BoardData = {
  project: ProjectInfo;
  slug: string;
  statuses: StatusInfo[];
  labels: LabelInfo[];
  people: Person[];
  /** The project's custom fields in their order. */
  fields?: FieldInfo[];
  /** Open cycles (not completed), earliest first. */
  cycles?: CycleInfo[];
  tasks: Task[];
  /** Board only. */
  columns?: ColumnInfo[];
  /** List only: the next page's cursor, in the sort the page was served in. */
  list?: { nextCursor: string | null; sort?: string };
};

export const PRIORITIES = ["none", "low", "medium", "high", "urgent"] as const;
export type PriorityName = (typeof PRIORITIES)[number];
export const PRIORITY_LABEL: Record<PriorityName, string> = {
  none: "No priority",
  low: "Low",
  medium: "Medium",
  high: "High",
  urgent: "Urgent",
};
