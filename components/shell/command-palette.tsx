"use client";
import { Command } from "cmdk";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ShortcutHelp } from "./shortcut-help";
import type { ShellData } from "./types";

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
}

/** Ctrl/Cmd-K palette for navigation and actions, plus the global one-key shortcuts (c, /, ?). */
export function CommandPalette({ shell }: { shell: ShellData }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [help, setHelp] = useState(false);

  useEffect(() => {
    const openPalette = () => setOpen(true);
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setOpen((o) => !o);
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || document.querySelector("[role=dialog]")) return;
      if (e.key === "?") setHelp(true);
      else if (e.key === "c") {
        e.preventDefault();
        window.dispatchEvent(new Event("tasklane:new-task"));
      } else if (e.key === "/") {
        e.preventDefault();
        const search = document.querySelector<HTMLInputElement>("[data-shortcut-search]");
        if (search) search.focus();
        else setOpen(true);
      }
    };
    window.addEventListener("keydown", onKey);
    window.addEventListener("tasklane:palette", openPalette);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("tasklane:palette", openPalette);
    };
  }, []);

  const go = (href: string) => {
    setOpen(false);
    router.push(href);
  };
  const ws = shell.current;
  return (
    <>
      <Command.Dialog open={open} onOpenChange={setOpen} label="Command palette" className="dialog palette" overlayClassName="overlay">
        <Command.Input placeholder="Type a command or search…" aria-label="Command" />
        <Command.List>
          <Command.Empty>No results.</Command.Empty>
          <Command.Group heading="Actions">
            <Command.Item onSelect={() => (setOpen(false), window.dispatchEvent(new Event("tasklane:new-task")))}>
              New task <span className="kbd">C</span>
            </Command.Item>
            {ws && <Command.Item onSelect={() => go(`/w/${ws.slug}?new-project=1`)}>New project</Command.Item>}
            <Command.Item onSelect={() => go("/?new=1")}>New workspace</Command.Item>
            <Command.Item onSelect={() => (setOpen(false), setHelp(true))}>
              Keyboard shortcuts <span className="kbd">?</span>
            </Command.Item>
          </Command.Group>
          {ws && shell.projects.length > 0 && (
            <Command.Group heading="Projects">
              {shell.projects.map((p) => (
                <Command.Item key={p.id} value={`project ${p.key} ${p.name}`} onSelect={() => go(`/w/${ws.slug}/p/${p.key}/board`)}>
                  {p.name} <span className="muted mono">{p.key}</span>
                </Command.Item>
              ))}
            </Command.Group>
          )}
          <Command.Group heading="Go to">
            {ws && <Command.Item onSelect={() => go(`/w/${ws.slug}`)}>Home · my tasks</Command.Item>}
            <Command.Item onSelect={() => go("/notifications")}>Inbox</Command.Item>
            {ws && <Command.Item onSelect={() => go(`/w/${ws.slug}/settings`)}>Workspace settings</Command.Item>}
            <Command.Item onSelect={() => go("/settings/profile")}>Profile</Command.Item>
            <Command.Item onSelect={() => go("/settings/notifications")}>Notification preferences</Command.Item>
            <Command.Item onSelect={() => go("/settings/tokens")}>API tokens</Command.Item>
            {shell.localMail && <Command.Item onSelect={() => go("/mailbox")}>Mailbox</Command.Item>}
            {shell.workspaces
              .filter((w) => w.slug !== ws?.slug)
              .map((w) => (
                <Command.Item key={w.slug} value={`workspace ${w.name}`} onSelect={() => go(`/w/${w.slug}`)}>
                  Switch to {w.name}
                </Command.Item>
              ))}
          </Command.Group>
        </Command.List>
      </Command.Dialog>
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
    </>
  );
}
