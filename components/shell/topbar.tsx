"use client";
import Link from "next/link";
import { signOutAction } from "@/app/actions/auth";
import { Icon } from "@/components/ui/icons";
import { initials } from "@/components/ui/initials";
import { RunningTimer } from "@/components/time-tracking/running-timer";
import { Bell } from "./bell";
import { CommandPalette } from "./command-palette";
import { ThemeToggle } from "./theme-toggle";
import type { ShellData } from "./types";

export function Topbar({ shell }: { shell: ShellData }) {
  return (
    <header className="topbar">
      <button
        type="button"
        className="icon-btn menu-toggle"
        aria-label="Open navigation"
        onClick={() => window.dispatchEvent(new Event("tasklane:toggle-sidebar"))}
      >
        <Icon name="menu" size={18} />
      </button>
      <button
        type="button"
        className="btn btn-ghost"
        onClick={() => window.dispatchEvent(new Event("tasklane:palette"))}
        aria-keyshortcuts="Control+K Meta+K"
        aria-label="Search or jump to"
      >
        <Icon name="search" /> <span className="hide-phone">Search or jump to…</span> <span className="kbd hide-phone">Ctrl K</span>
      </button>
      <div className="grow" />
      <RunningTimer initial={shell.timer} slug={shell.current?.slug ?? null} projectIds={shell.projects.map((p) => p.id)} />
      <ThemeToggle />
      <Bell initial={shell.unread} userId={shell.user.id} realtimeUrl={shell.realtimeUrl} />
      <Link href="/settings/profile" className="avatar" title={shell.user.name} aria-label={`Your settings (${shell.user.name})`}>
        {initials(shell.user.name)}
      </Link>
      <form action={signOutAction}>
        <button type="submit" className="btn btn-sm btn-ghost">
          Sign out
        </button>
      </form>
      <CommandPalette shell={shell} />
    </header>
  );
}
