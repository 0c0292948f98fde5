"use client";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

const TABS = [
  ["board", "Board"],
  ["list", "List"],
  ["analytics", "Analytics"],
  ["settings", "Settings"],
] as const;

/** Board and list keep the filters when switching between them. */
export function ProjectTabs({ base }: { base: string }) {
  const path = usePathname();
  const params = new URLSearchParams(useSearchParams().toString());
  params.delete("task");
  const qs = params.toString();
  return (
    <nav className="tabs" aria-label="Project">
      {TABS.map(([slug, label]) => {
        const href = `${base}/${slug}`;
        const keep = (slug === "board" || slug === "list") && qs ? `?${qs}` : "";
        return (
          <Link key={slug} href={href + keep} aria-current={path === href ? "page" : undefined}>
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
