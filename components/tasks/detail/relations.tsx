"use client";
import Link from "next/link";
import { useState, useTransition } from "react";
import { addDependencyAction, removeDependencyAction } from "@/app/actions/tasks";
import type { Dependencies } from "@/server/tasks";
import type { Task } from "../types";
import { refusalMessage } from "@/components/ui/field-errors";

function TaskLine({ task, slug, action }: { task: Task; slug: string; action?: React.ReactNode }) {
  const done = task.status.category === "completed" || task.status.category === "canceled";
  return (
    <li className="row" style={{ padding: "4px 0" }}>
      <span className="badge">{task.status.name}</span>
      <Link href={`/w/${slug}/t/${task.key}`} style={done ? { textDecoration: "line-through" } : undefined}>
        <span className="mono muted">{task.key}</span> {task.title}
      </Link>
      <span className="grow" />
      {action}
    </li>
  );
}

export function Subtasks({ subtasks, slug, canWrite, onAdd }: { subtasks: Task[]; slug: string; canWrite: boolean; onAdd: () => void }) {
  const done = subtasks.filter((t) => t.status.category === "completed").length;
  return (
    <section aria-labelledby="subtasks-heading">
      <div className="row-between">
        <h2 id="subtasks-heading">
          Subtasks{" "}
          {subtasks.length > 0 && (
            <span className="muted small">
              {done}/{subtasks.length} done
            </span>
          )}
        </h2>
        {canWrite && (
          <button type="button" className="btn btn-sm" onClick={onAdd}>
            Add subtask
          </button>
        )}
      </div>
      {subtasks.length === 0 ? (
        <p className="muted">No subtasks.</p>
      ) : (
        <ul style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {subtasks.map((t) => (
            <TaskLine key={t.id} task={t} slug={slug} />
          ))}
        </ul>
      )}
    </section>
  );
}

export function DependencyList({
  taskId,
  deps,
  slug,
  canWrite,
  onChange,
}: {
  taskId: string;
  deps: Dependencies;
  slug: string;
  canWrite: boolean;
  onChange: (d: Dependencies) => void;
}) {
  const [key, setKey] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = (fn: () => ReturnType<typeof addDependencyAction>) =>
    start(async () => {
      const r = await fn();
      if (!r.ok) return setError(refusalMessage(r, { labels: { blockedBy: "" } }));
      setError(null);
      setKey("");
      onChange(r.data);
    });
  return (
    <section aria-labelledby="deps-heading" className="stack">
      <h2 id="deps-heading">Dependencies</h2>
      <div>
        <h3 className="small muted">Blocked by</h3>
        {deps.blockedBy.length === 0 ? (
          <p className="muted small">Nothing blocks this task.</p>
        ) : (
          <ul style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {deps.blockedBy.map((t) => (
              <TaskLine
                key={t.id}
                task={t}
                slug={slug}
                action={
                  canWrite && (
                    <button
                      type="button"
                      className="btn btn-sm btn-ghost"
                      aria-label={`Remove blocker ${t.key}`}
                      onClick={() => run(() => removeDependencyAction(taskId, t.id))}
                      disabled={pending}
                    >
                      Remove
                    </button>
                  )
                }
              />
            ))}
          </ul>
        )}
      </div>
      <div>
        <h3 className="small muted">Blocking</h3>
        {deps.blocking.length === 0 ? (
          <p className="muted small">This task blocks nothing.</p>
        ) : (
          <ul style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {deps.blocking.map((t) => (
              <TaskLine key={t.id} task={t} slug={slug} />
            ))}
          </ul>
        )}
      </div>
      {canWrite && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (key.trim()) run(() => addDependencyAction(taskId, key.trim().toUpperCase()));
          }}
        >
          <label htmlFor="blocked-by-key" className="sr-only">
            Blocked by task key
          </label>
          <input
            id="blocked-by-key"
            type="text"
            placeholder="Blocked by… (e.g. ENG-12)"
            value={key}
            onChange={(e) => setKey(e.target.value)}
            style={{ maxWidth: 220 }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "blocked-by-error" : undefined}
          />
          <button type="submit" className="btn btn-sm" disabled={pending}>
            Add blocker
          </button>
          {error && (
            <span id="blocked-by-error" className="field-error" role="alert">
              {error}
            </span>
          )}
        </form>
      )}
    </section>
  );
}
