"use client";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Board } from "./board";
import { FilterBar } from "./filter-bar";
import { filtersFrom } from "./filters";
import { NewTaskDialog } from "./new-task-dialog";
import { ViewsMenu } from "./views-menu";
import { TaskDrawer } from "./task-drawer";
import type { BoardData } from "./types";

export function ProjectBoard({ data, me, realtimeUrl }: { data: BoardData; me: string; realtimeUrl: string | null }) {
  const params = useSearchParams();
  const query = params.toString();
  const filters = useMemo(() => filtersFrom(Object.fromEntries(new URLSearchParams(query))), [query]);
  const [creating, setCreating] = useState<{ statusId?: string } | null>(null);
  const { canWrite } = data.project.permissions;
  useEffect(() => {
    const open = () => canWrite && setCreating({});
    window.addEventListener("tasklane:new-task", open);
    return () => window.removeEventListener("tasklane:new-task", open);
  }, [canWrite]);
  const onAdd = useCallback((statusId: string) => setCreating({ statusId }), []);
  const { tasks: _tasks, ...meta } = data;
  return (
    <>
      <FilterBar
        people={data.people}
        labels={data.labels}
        views={<ViewsMenu projectId={data.project.id} me={me} permissions={data.project.permissions} withLayout={false} />}
      >
        {canWrite && (
          <button type="button" className="btn btn-primary" onClick={() => setCreating({})} aria-keyshortcuts="c">
            New task
          </button>
        )}
      </FilterBar>
      {data.tasks.length === 0 && !query && (
        <div className="empty" style={{ marginBottom: 12 }}>
          <h3>No tasks yet</h3>
          <p>Create the first task with the button above or press C.</p>
        </div>
      )}
      <Board data={data} filters={filters} me={me} realtimeUrl={realtimeUrl} onAdd={onAdd} />
      {creating && <NewTaskDialog data={data} statusId={creating.statusId} onClose={() => setCreating(null)} />}
      <TaskDrawer meta={meta} me={me} realtimeUrl={realtimeUrl} />
    </>
  );
}
