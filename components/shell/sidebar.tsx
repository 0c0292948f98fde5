"use client";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Brand } from "@/components/ui/brand";
import type { ShellData } from "./types";

function NavLink({ href, children, exact = false }: { href: string; children: React.ReactNode; exact?: boolean }) {
  const path = usePathname();
  const active = exact ? path === href : path === href || path.startsWith(`${href}/`);
  return (
    <Link href={href} aria-current={active ? "page" : undefined}>
      {children}
    </Link>
  );
}

export function Sidebar({ shell }: { shell: ShellData }) {
  const router = useRouter();
  const path = usePathname();
  // Open only on the page where it was opened: navigating closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === path;
  useEffect(() => {
    const toggle = () => setOpenOn((o) => (o === window.location.pathname ? null : window.location.pathname));
    window.addEventListener("tasklane:toggle-sidebar", toggle);
    return () => window.removeEventListener("tasklane:toggle-sidebar", toggle);
  }, []);
  const ws = shell.current;
  return (
    <aside className="sidebar" data-open={open} aria-label="Sidebar">
      <Brand href={ws ? `/w/${ws.slug}` : "/"} />
      <div className="field">
        <label htmlFor="workspace-switcher" className="sr-only">
          Workspace
        </label>
        <select
          id="workspace-switcher"
          value={ws?.slug ?? ""}
          onChange={(e) => router.push(e.target.value ? `/w/${e.target.value}` : "/?new=1")}
        >
          {!ws && <option value="">Choose a workspace…</option>}
          {shell.workspaces.map((w) => (
            <option key={w.slug} value={w.slug}>
              {w.name}
            </option>
          ))}
          <option value="">+ New workspace</option>
        </select>
      </div>
      <nav aria-label="Main">
        {ws && (
          <NavLink href={`/w/${ws.slug}`} exact>
            Home
          </NavLink>
        )}
        <NavLink href="/notifications">Inbox</NavLink>
        {ws && <NavLink href={`/w/${ws.slug}/analytics`}>Analytics</NavLink>}
        {ws && <NavLink href={`/w/${ws.slug}/settings`}>Workspace settings</NavLink>}
        {shell.localMail && <NavLink href="/mailbox">Mailbox</NavLink>}
      </nav>
      {ws && (
        <nav aria-label="Projects">
          <div className="sidebar-section">Projects</div>
          {shell.projects.map((p) => (
            <NavLink key={p.id} href={`/w/${ws.slug}/p/${p.key}`}>
              <span className="badge mono">{p.key}</span> <span className="truncate">{p.name}</span>
            </NavLink>
          ))}
          <Link href={`/w/${ws.slug}?new-project=1`} className="muted">
            + New project
          </Link>
        </nav>
      )}
      <div className="grow" />
      <nav aria-label="Account">
        <NavLink href="/settings/profile">Your settings</NavLink>
      </nav>
    </aside>
  );
}
