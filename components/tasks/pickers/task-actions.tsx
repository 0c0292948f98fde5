"use client";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { createLabelInlineAction } from "@/app/actions/tasks";
import { Dialog } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import type { Task } from "../types";
import { PickerPopover, type PickerOption } from "./picker";
import { propertySpec, type PickerMeta, type PropertyKind } from "./specs";
import type { TaskWriter } from "./use-task-writer";

/** The single-key shortcuts on a focused card, a selected list row or an open task. */
export const PROPERTY_KEYS: Record<string, PropertyKind> = {
  s: "status",
  a: "assignees",
  l: "labels",
  p: "priority",
  d: "due",
  e: "estimate",
  y: "cycle",
};

type MenuItem = { id: string; label: string; keys: string };
const MENU: MenuItem[] = [
  { id: "status", label: "Status…", keys: "S" },
  { id: "assignees", label: "Assignees…", keys: "A" },
  { id: "me", label: "Assign to me", keys: "I" },
  { id: "labels", label: "Labels…", keys: "L" },
  { id: "priority", label: "Priority…", keys: "P" },
  { id: "due", label: "Due date…", keys: "D" },
  { id: "estimate", label: "Estimate…", keys: "E" },
  { id: "cycle", label: "Cycle…", keys: "Y" },
  { id: "delete", label: "Delete…", keys: "Delete" },
];

/** Typing in a field, or a modal open: single-key shortcuts stay out of the way. */
export function shortcutsBlocked(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement;
  return (
    e.metaKey ||
    e.ctrlKey ||
    e.altKey ||
    el.isContentEditable ||
    ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName) ||
    document.querySelector(".picker, [role=menu], .dialog") !== null
  );
}

/** The labels picker's "Create label …": makes the label, then offers it as chosen. */
export function useCreateLabel(projectId: string, onCreated?: (label: { id: string; name: string; color: string }) => void) {
  const router = useRouter();
  return useCallback(
    async (name: string): Promise<PickerOption | null> => {
      const r = await createLabelInlineAction(projectId, name);
      if (!r.ok) {
        toast(`Could not create label “${name}”: ${r.error}`, "error");
        return null;
      }
      // The project's labels come with the page: re-read it so every picker offers the new one.
      if (onCreated) onCreated(r.data);
      else router.refresh();
      return { id: r.data.id, label: r.data.name, color: r.data.color };
    },
    [projectId, onCreated, router],
  );
}

/** What an open property picker edits: the tasks, and whether a change offers Undo. */
export function savePicked(writer: TaskWriter, tasks: Task[], kind: PropertyKind, meta: PickerMeta, ids: string[], before: string[]) {
  const spec = propertySpec(kind, tasks, meta);
  const what = tasks.length > 1 ? `${tasks.length} tasks` : tasks[0]!.key;
  // Status changes and edits of several tasks offer Undo (the list); single-field tweaks are undone by picking again.
  const undo = kind === "status" || tasks.length > 1 ? `${spec.name} changed on ${what}` : undefined;
  return writer.save(tasks, (t) => spec.inputFor(t, ids, before), { undo });
}

/** "Assign to me": adds the caller to the tasks' assignees (nothing to do when already there). */
export function assignToMe(writer: TaskWriter, tasks: Task[], me: string) {
  const todo = tasks.filter((t) => !t.assignees.some((a) => a.id === me));
  if (todo.length === 0)
    return toast(tasks.length > 1 ? "You are already assigned to these" : `You are already assigned to ${tasks[0]!.key}`);
  void writer.save(todo, (t) => ({ assigneeIds: [...t.assignees.map((a) => a.id), me] }));
}

export function ConfirmDelete({ task, onConfirm, onClose }: { task: Task; onConfirm: () => void; onClose: () => void }) {
  return (
    <Dialog title={`Delete ${task.key}?`} onClose={onClose}>
      <p>“{task.title}” moves to the project’s trash: you can undo right away, and project admins can restore it for 30 days.</p>
      <div className="row">
        <button type="button" className="btn btn-danger" onClick={() => (onClose(), onConfirm())}>
          Delete
        </button>
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}

/** A list cell that shows a property and opens its picker (through the TaskActionsHost around it). */
export function PropertyCell({ kind, task, meta, disabled }: { kind: PropertyKind; task: Task; meta: PickerMeta; disabled: boolean }) {
  const spec = propertySpec(kind, [task], meta);
  const text = spec.summary ? `${spec.name}: ${spec.summary}` : spec.empty;
  return (
    <button
      type="button"
      className="cell-picker truncate"
      data-task-picker={kind}
      aria-haspopup="dialog"
      aria-label={text}
      disabled={disabled}
    >
      {spec.summary || <span className="muted">{spec.empty}</span>}
    </button>
  );
}

/** The actions of a card or row (right-click or its "…" button): role=menu, arrows, Enter, Esc. */
function ActionsMenu({ task, at, onPick, onClose }: { task: Task; at: Point; onPick: (id: string) => void; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus();
    const outside = (e: PointerEvent) => ref.current && !ref.current.contains(e.target as Node) && onClose();
    document.addEventListener("pointerdown", outside, true);
    return () => document.removeEventListener("pointerdown", outside, true);
  }, [onClose]);
  const onKeyDown = (e: React.KeyboardEvent) => {
    e.stopPropagation();
    const items = [...(ref.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    const key = e.key.toLowerCase();
    if (e.key === "ArrowDown") items[(i + 1) % items.length]?.focus();
    else if (e.key === "ArrowUp") items[(i - 1 + items.length) % items.length]?.focus();
    else if (e.key === "Home") items[0]?.focus();
    else if (e.key === "End") items.at(-1)?.focus();
    else if (e.key === "Escape" || e.key === "Tab") onClose();
    else if (PROPERTY_KEYS[key]) onPick(PROPERTY_KEYS[key]);
    else if (key === "i") onPick("me");
    else if (e.key === "Delete" || e.key === "Backspace") onPick("delete");
    else return;
    e.preventDefault();
  };
  return (
    <div ref={ref} role="menu" aria-label={`Actions for ${task.key}`} className="menu" style={place(at)} onKeyDown={onKeyDown}>
      {MENU.map((m) => (
        <button
          key={m.id}
          type="button"
          role="menuitem"
          tabIndex={-1}
          className={m.id === "delete" ? "menu-item menu-danger" : "menu-item"}
          aria-keyshortcuts={m.keys}
          onClick={() => onPick(m.id)}
        >
          <span className="grow">{m.label}</span>
          <span className="kbd" aria-hidden="true">
            {m.keys === "Delete" ? "⌫" : m.keys}
          </span>
        </button>
      ))}
    </div>
  );
}

type Point = { x: number; y: number };
/** Fixed at the pointer or under the anchor, kept on screen. */
function place(at: Point): React.CSSProperties {
  const w = typeof window === "undefined" ? 1024 : window.innerWidth;
  const h = typeof window === "undefined" ? 768 : window.innerHeight;
  return { position: "fixed", left: Math.max(8, Math.min(at.x, w - 288)), top: Math.max(8, Math.min(at.y, h - 340)), zIndex: 60 };
}

type Open = { taskId: string; mode: "menu" | "delete" | PropertyKind; at: Point; returnTo: HTMLElement | null };

/**
 * The pickers, the actions menu and delete for the tasks of a board or list: keyboard shortcuts on
 * the focused card (or the list's selected row), right-click and the "…" button (`data-task-menu`)
 * on any element inside `container` marked `data-task-id`.
 */
export function TaskActionsHost({
  container,
  tasks,
  meta,
  projectId,
  writer,
  canWrite,
  onLabelCreated,
}: {
  container: React.RefObject<HTMLElement | null>;
  tasks: Task[];
  meta: PickerMeta;
  projectId: string;
  writer: TaskWriter;
  canWrite: boolean;
  onLabelCreated?: (label: { id: string; name: string; color: string }) => void;
}) {
  const [open, setOpen] = useState<Open | null>(null);
  const tasksRef = useRef(tasks);
  useEffect(() => {
    tasksRef.current = tasks;
  });
  const createLabel = useCreateLabel(projectId, onLabelCreated);

  const close = useCallback(() => {
    setOpen((o) => {
      if (o?.returnTo?.isConnected) setTimeout(() => o.returnTo?.focus(), 0);
      return null;
    });
  }, []);

  useEffect(() => {
    const root = container.current;
    if (!root || !canWrite) return;
    const taskElement = (el: Element | null) => (el && root.contains(el) ? el.closest<HTMLElement>("[data-task-id]") : null);
    const targetOf = () => taskElement(document.activeElement) ?? root.querySelector<HTMLElement>("[data-task-id][data-cursor=true]");
    const below = (el: HTMLElement): Point => {
      const r = el.getBoundingClientRect();
      return { x: r.left, y: r.bottom + 4 };
    };
    const onKey = (e: KeyboardEvent) => {
      // An open task (the drawer) has its own shortcuts.
      if (shortcutsBlocked(e) || document.querySelector(".drawer")) return;
      const el = targetOf();
      const id = el?.dataset.taskId;
      if (!el || !id) return;
      const key = e.key.toLowerCase();
      const returnTo = (document.activeElement as HTMLElement | null) ?? el;
      const task = tasksRef.current.find((t) => t.id === id);
      if (!task) return;
      if (PROPERTY_KEYS[key] && e.key.length === 1) setOpen({ taskId: id, mode: PROPERTY_KEYS[key], at: below(el), returnTo });
      else if (key === "i" && e.key.length === 1) assignToMe(writer, [task], meta.me);
      else if (e.key === "Delete" || e.key === "Backspace") setOpen({ taskId: id, mode: "delete", at: below(el), returnTo });
      else return;
      e.preventDefault();
    };
    const onContext = (e: MouseEvent) => {
      const el = taskElement(e.target as Element);
      if (!el?.dataset.taskId) return;
      e.preventDefault();
      setOpen({ taskId: el.dataset.taskId, mode: "menu", at: { x: e.clientX, y: e.clientY }, returnTo: el.querySelector("a, button") });
    };
    const onClick = (e: MouseEvent) => {
      const button = (e.target as Element).closest<HTMLElement>("[data-task-menu], [data-task-picker]");
      const el = button && taskElement(button);
      if (!button || !el?.dataset.taskId) return;
      e.preventDefault();
      e.stopPropagation();
      const mode = (button.dataset.taskPicker as PropertyKind | undefined) ?? "menu";
      setOpen({ taskId: el.dataset.taskId, mode, at: below(button), returnTo: button });
    };
    window.addEventListener("keydown", onKey);
    root.addEventListener("contextmenu", onContext);
    root.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("keydown", onKey);
      root.removeEventListener("contextmenu", onContext);
      root.removeEventListener("click", onClick, true);
    };
  }, [container, canWrite, writer, meta.me]);

  const task = open ? tasks.find((t) => t.id === open.taskId) : undefined;
  if (!open || !task) return null;
  if (open.mode === "menu")
    return (
      <ActionsMenu
        task={task}
        at={open.at}
        onClose={close}
        onPick={(id) => {
          if (id === "me") {
            assignToMe(writer, [task], meta.me);
            close();
          } else setOpen({ ...open, mode: id as Open["mode"] });
        }}
      />
    );
  if (open.mode === "delete") return <ConfirmDelete task={task} onClose={close} onConfirm={() => void writer.remove(task)} />;
  const spec = propertySpec(open.mode, [task], meta);
  return (
    <div style={place(open.at)}>
      <PickerPopover
        key={`${task.id}-${open.mode}`}
        label={`${spec.name} of ${task.key}`}
        options={spec.options}
        selected={spec.selected}
        multiple={spec.multiple}
        parse={spec.parse}
        create={open.mode === "labels" ? { label: (q) => `Create label “${q}”`, run: createLabel } : undefined}
        onChange={(ids, before) => void savePicked(writer, [task], spec.kind, meta, ids, before)}
        onClose={close}
      />
    </div>
  );
}
