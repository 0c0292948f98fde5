"use client";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { loadTaskDetailAction, setWatchingAction, updateTaskAction } from "@/app/actions/tasks";
import { subscribeProject } from "@/components/realtime/client";
import { Markdown } from "@/components/ui/markdown";
import { toast } from "@/components/ui/toast";
import type { TaskDetail as Detail, UpdateTaskInput } from "@/server/tasks";
import { NewTaskDialog } from "../new-task-dialog";
import type { PropertyKind } from "../pickers/specs";
import { assignToMe, ConfirmDelete, PROPERTY_KEYS, shortcutsBlocked } from "../pickers/task-actions";
import { useTaskWriter } from "../pickers/use-task-writer";
import type { Task } from "../types";
import { Activity } from "./activity";
import { Attachments } from "./attachments";
import { Comments } from "./comments";
import { Properties } from "./properties";
import { RepeatPicker } from "../recurrence/repeat-picker";
import { DependencyList, Subtasks } from "./relations";
import type { DetailMeta } from "./types";
import { refusalMessage } from "@/components/ui/field-errors";
import { TaskTimeSection } from "@/components/time-tracking/task-time";

type Props = { initial: Detail; meta: DetailMeta; me: string; realtimeUrl: string | null; headingLevel?: "h1" | "h2" };

/** The task page and the drawer: every field edits in place; a stale version is refused and reloaded. */
export function TaskDetail({ initial, meta, me, realtimeUrl, headingLevel = "h1" }: Props) {
  const router = useRouter();
  const [detail, setDetail] = useState(initial);
  const [editingDescription, setEditingDescription] = useState(false);
  const [draft, setDraft] = useState(initial.task.description);
  const [addingSubtask, setAddingSubtask] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const articleRef = useRef<HTMLElement>(null);
  const [opened, setOpened] = useState<{ kind: PropertyKind; n: number } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const task = detail.task;
  const { canWrite } = detail.permissions;
  const watching = detail.watchers.some((w) => w.id === me);

  const reload = useCallback(async () => {
    const r = await loadTaskDetailAction(task.id);
    if (r.ok) setDetail(r.data);
  }, [task.id]);

  const boardHref = `/w/${meta.slug}/p/${meta.project.key}/board`;
  const writer = useTaskWriter({
    onSaved: (saved) => {
      const mine = saved.find((t) => t.id === task.id);
      if (mine) setDetail((d) => (d.task.version <= mine.version ? { ...d, task: mine } : d));
      void reload();
    },
    onRemoved: () => {
      // The drawer closes back to the board or list it is on; the task page goes to the board.
      const inDrawer = new URLSearchParams(window.location.search).has("task");
      if (inDrawer) {
        const next = new URLSearchParams(window.location.search);
        next.delete("task");
        router.replace(`${window.location.pathname}${next.size ? `?${next}` : ""}`, { scroll: false });
        router.refresh();
      } else router.push(boardHref);
    },
    onConflict: () => void reload(),
  });

  const save = async (input: Partial<Record<string, unknown>>): Promise<Task | null> => {
    const r = await updateTaskAction(task.id, input as UpdateTaskInput, task.version);
    if (r.ok) {
      setDetail((d) => ({ ...d, task: r.data }));
      void reload();
      return r.data;
    }
    if (r.status === "PRECONDITION_FAILED") {
      toast("Someone else changed this task meanwhile; it now shows their version. Make your change again.", "error");
      await reload();
    } else {
      toast(refusalMessage(r), "error");
    }
    return null;
  };

  useEffect(() => {
    if (!realtimeUrl) return;
    return subscribeProject(realtimeUrl, task.projectId, ["task.updated", "comment.created", "task.deleted"], (event) => {
      const about = event.type === "task.deleted" ? event.data.id : event.data.task.id;
      if (about !== task.id || event.actorId === me) return;
      if (event.type === "task.deleted") {
        toast("This task was deleted by someone else.", "error");
        return;
      }
      void reload();
    });
  }, [realtimeUrl, task.projectId, task.id, me, reload]);

  // The property shortcuts of an open task (the drawer or the task page): s a i l p d e, Delete.
  const latestTask = useRef(task);
  useEffect(() => {
    latestTask.current = task;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!canWrite || shortcutsBlocked(e)) return;
      const focus = document.activeElement;
      const here = articleRef.current;
      // Only while this task has the focus (or nothing has, on the task page).
      if (!here || (focus && focus !== document.body && !here.closest("[role=dialog], main")?.contains(focus))) return;
      const key = e.key.toLowerCase();
      if (PROPERTY_KEYS[key] && e.key.length === 1) setOpened((o) => ({ kind: PROPERTY_KEYS[key]!, n: (o?.n ?? 0) + 1 }));
      else if (key === "i" && e.key.length === 1) assignToMe(writer, [latestTask.current], me);
      else if (e.key === "Delete" || e.key === "Backspace") setConfirming(true);
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [canWrite, writer, me]);

  const Heading = headingLevel;
  return (
    <article className="task-layout" aria-labelledby="task-title-label" ref={articleRef}>
      <div className="stack" style={{ minWidth: 0 }}>
        <div className="row small muted">
          <span className="mono">{task.key}</span>
          <span>·</span>
          <span>{meta.project.name}</span>
        </div>
        <Heading id="task-title-label" className="sr-only">
          {task.title}
        </Heading>
        <label htmlFor="task-title" className="sr-only">
          Title
        </label>
        <input
          id="task-title"
          ref={titleRef}
          key={`title-${task.version}`}
          className="task-title-input"
          defaultValue={task.title}
          readOnly={!canWrite}
          onKeyDown={(e) => e.key === "Enter" && e.currentTarget.blur()}
          onBlur={(e) => {
            const v = e.target.value.trim();
            if (v && v !== task.title) void save({ title: v });
            else e.target.value = task.title;
          }}
        />
        <section aria-labelledby="description-heading" className="stack">
          <div className="row-between">
            <h2 id="description-heading">Description</h2>
            {canWrite && !editingDescription && (
              <button type="button" className="btn btn-sm" onClick={() => (setDraft(task.description), setEditingDescription(true))}>
                Edit
              </button>
            )}
          </div>
          {editingDescription ? (
            <form
              className="stack"
              onSubmit={(e) => {
                e.preventDefault();
                void save({ description: draft }).then((t) => t && setEditingDescription(false));
              }}
            >
              <label htmlFor="task-description" className="sr-only">
                Description (markdown)
              </label>
              <textarea
                id="task-description"
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
                rows={10}
                autoFocus
                onKeyDown={(e) => e.key === "Escape" && (e.stopPropagation(), setEditingDescription(false))}
              />
              <div className="row">
                <button type="submit" className="btn btn-primary btn-sm">
                  Save
                </button>
                <button type="button" className="btn btn-sm" onClick={() => setEditingDescription(false)}>
                  Cancel
                </button>
                <span className="muted small">Markdown supported</span>
              </div>
            </form>
          ) : task.description ? (
            <Markdown>{task.description}</Markdown>
          ) : (
            <p className="muted">No description.</p>
          )}
        </section>
        <Subtasks subtasks={detail.subtasks} slug={meta.slug} canWrite={canWrite} onAdd={() => setAddingSubtask(true)} />
        <DependencyList
          taskId={task.id}
          deps={detail.dependencies}
          slug={meta.slug}
          canWrite={canWrite}
          onChange={(d) => setDetail((x) => ({ ...x, dependencies: d }))}
        />
        <Attachments taskId={task.id} canWrite={canWrite} />
        <Comments
          taskId={task.id}
          comments={detail.comments}
          people={meta.people}
          canWrite={canWrite}
          onAdded={(c) => setDetail((d) => ({ ...d, comments: [...d.comments, c] }))}
        />
        <Activity entries={detail.activity} meta={meta} />
      </div>
      <aside className="stack" aria-label="Task properties">
        <Properties task={task} meta={meta} me={me} save={save} writer={writer} canWrite={canWrite} opened={opened} />
        <TaskTimeSection
          taskId={task.id}
          projectId={task.projectId}
          estimate={task.estimate}
          me={me}
          canWrite={canWrite}
          canAdmin={detail.permissions.canAdmin}
          realtimeUrl={realtimeUrl}
          onChanged={reload}
        />
        <RepeatPicker task={task} canWrite={canWrite} onChanged={() => void reload()} />
        <div className="row">
          <button
            type="button"
            className="btn btn-sm"
            aria-pressed={watching}
            onClick={async () => {
              const r = await setWatchingAction(task.id, !watching);
              if (r.ok) setDetail((d) => ({ ...d, watchers: r.data }));
              else toast(r.error, "error");
            }}
          >
            {watching ? "Watching" : "Watch"}
          </button>
          <span className="muted small">{detail.watchers.length} watching</span>
        </div>
        {canWrite && (
          <button type="button" className="btn btn-sm btn-danger" aria-keyshortcuts="Delete" onClick={() => setConfirming(true)}>
            Delete task
          </button>
        )}
      </aside>
      {confirming && <ConfirmDelete task={task} onClose={() => setConfirming(false)} onConfirm={() => void writer.remove(task)} />}
      {addingSubtask && (
        <NewTaskDialog
          data={{ ...meta, tasks: [] }}
          parentId={task.id}
          onClose={() => setAddingSubtask(false)}
          onCreated={() => void reload()}
        />
      )}
    </article>
  );
}
