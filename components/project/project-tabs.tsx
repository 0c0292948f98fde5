"use client";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

const TABS = [
  ["board", "Board"],
  ["list", "List"],
  ["timeline", "Timeline"],
  ["calendar", "Calendar"],
  ["cycles", "Cycles"],
  ["analytics", "Analytics"],
  ["settings", "Settings"],
] as const;

/** The task views (board, list, timeline, calendar) keep the filters when switching between them. */
const TASK_VIEWS = new Set(["board", "list", "timeline", "calendar"]);
const VIEW_ONLY = ["from", "scale", "month"];

export function ProjectTabs({ base }: { base: string }) {
  const path = usePathname();
  const params = new URLSearchParams(useSearchParams().toString());
  params.delete("task");
  // Each view's own parameters (the timeline's window, the calendar's month) stay behind.
  for (const k of VIEW_ONLY) params.delete(k);
  const qs = params.toString();
  return (
    <nav className="tabs" aria-label="Project">
      {TABS.map(([slug, label]) => {
        const href = `${base}/${slug}`;
        const keep = TASK_VIEWS.has(slug) && qs ? `?${qs}` : "";
        return (
          <Link key={slug} href={href + keep} aria-current={path === href ? "page" : undefined}>
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
