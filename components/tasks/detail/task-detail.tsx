"use client";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { loadTaskDetailAction, removeTaskAction, setWatchingAction, updateTaskAction } from "@/app/actions/tasks";
import { subscribeProject } from "@/components/realtime/client";
import { Markdown } from "@/components/ui/markdown";
import { toast } from "@/components/ui/toast";
import type { TaskDetail as Detail, UpdateTaskInput } from "@/server/tasks";
import { NewTaskDialog } from "../new-task-dialog";
import type { Task } from "../types";
import { Activity } from "./activity";
import { Attachments } from "./attachments";
import { Comments } from "./comments";
import { Properties } from "./properties";
import { DependencyList, Subtasks } from "./relations";
import type { DetailMeta } from "./types";
import { refusalMessage } from "@/components/ui/field-errors";

type Props = { initial: Detail; meta: DetailMeta; me: string; realtimeUrl: string | null; headingLevel?: "h1" | "h2" };

/** The task page and the drawer: every field edits in place; a stale version is refused and reloaded. */
export function TaskDetail({ initial, meta, me, realtimeUrl, headingLevel = "h1" }: Props) {
  const router = useRouter();
  const [detail, setDetail] = useState(initial);
  const [editingDescription, setEditingDescription] = useState(false);
  const [draft, setDraft] = useState(initial.task.description);
  const [addingSubtask, setAddingSubtask] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const task = detail.task;
  const { canWrite } = detail.permissions;
  const watching = detail.watchers.some((w) => w.id === me);

  const reload = useCallback(async () => {
    const r = await loadTaskDetailAction(task.id);
    if (r.ok) setDetail(r.data);
  }, [task.id]);

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

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement;
      if (
        e.key !== "e" ||
        e.metaKey ||
        e.ctrlKey ||
        el.isContentEditable ||
        ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName) ||
        !canWrite
      )
        return;
      e.preventDefault();
      setDraft(task.description);
      setEditingDescription(true);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [canWrite, task.description]);

  const Heading = headingLevel;
  return (
    <article className="task-layout" aria-labelledby="task-title-label">
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
              <button
                type="button"
                className="btn btn-sm"
                onClick={() => (setDraft(task.description), setEditingDescription(true))}
                aria-keyshortcuts="e"
              >
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
        <Properties task={task} meta={meta} save={save} canWrite={canWrite} />
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
          <button
            type="button"
            className="btn btn-sm btn-danger"
            onClick={async () => {
              if (!confirm(`Delete ${task.key}? This cannot be undone.`)) return;
              const r = await removeTaskAction(task.id, task.version);
              if (!r.ok) return toast(r.error, "error");
              toast(`Deleted ${task.key}`);
              router.push(`/w/${meta.slug}/p/${meta.project.key}/board`);
            }}
          >
            Delete task
          </button>
        )}
      </aside>
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
