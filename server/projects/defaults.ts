import { generateNKeysBetween } from "fractional-indexing";
import type { StatusCategory } from "@/db/schema";

// The workflow every new project starts with; Todo is where new tasks land.
const DEFAULT_STATUSES: { name: string; category: StatusCategory; color: string; isDefault?: boolean }[] = [
  { name: "Backlog", category: "backlog", color: "#9ca3af" },
  { name: "Todo", category: "unstarted", color: "#6b7280", isDefault: true },
  { name: "In Progress", category: "started", color: "#f59e0b" },
  { name: "In Review", category: "started", color: "#8b5cf6" },
  { name: "Done", category: "completed", color: "#10b981" },
  { name: "Canceled", category: "canceled", color: "#ef4444" },
];

export function defaultStatuses(projectId: string) {
  const keys = generateNKeysBetween(null, null, DEFAULT_STATUSES.length);
  return DEFAULT_STATUSES.map((s, i) => ({
    projectId,
    name: s.name,
    category: s.category,
    color: s.color,
    isDefault: s.isDefault ?? false,
    position: keys[i]!,
  }));
}
