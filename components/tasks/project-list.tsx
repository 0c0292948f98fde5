"use client";
import { useSearchParams } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { FilterBar } from "./filter-bar";
import { filtersFrom } from "./filters";
import { NewTaskDialog } from "./new-task-dialog";
import { ViewsMenu } from "./views-menu";
import { CsvControls } from "./csv-controls";
import { TaskDrawer } from "./task-drawer";
import { TaskList } from "./task-list";
import type { BoardData } from "./types";

export function ProjectList({ data, me, realtimeUrl }: { data: BoardData; me: string; realtimeUrl: string | null }) {
  const params = useSearchParams();
  const query = params.toString();
  const filters = useMemo(() => filtersFrom(Object.fromEntries(new URLSearchParams(query))), [query]);
  const [creating, setCreating] = useState(false);
  const { canWrite } = data.project.permissions;
  useEffect(() => {
    const open = () => canWrite && setCreating(true);
    window.addEventListener("tasklane:new-task", open);
    return () => window.removeEventListener("tasklane:new-task", open);
  }, [canWrite]);
  const { tasks: _tasks, ...meta } = data;
  return (
    <>
      <FilterBar
        people={data.people}
        labels={data.labels}
        views={<ViewsMenu projectId={data.project.id} me={me} permissions={data.project.permissions} withLayout={true} />}
      >
        {canWrite && (
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)} aria-keyshortcuts="c">
            New task
          </button>
        )}
        <CsvControls projectId={data.project.id} canWrite={canWrite} />
      </FilterBar>
      <TaskList data={data} filters={filters} me={me} realtimeUrl={realtimeUrl} />
      {creating && <NewTaskDialog data={data} onClose={() => setCreating(false)} />}
      <TaskDrawer meta={meta} me={me} realtimeUrl={realtimeUrl} />
    </>
  );
}
