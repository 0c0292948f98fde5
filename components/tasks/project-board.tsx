"use client";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Board } from "./board";
import { LanesControl, useLaneKind } from "./board-options";
import { FilterBar } from "./filter-bar";
import { filtersFrom, type Filters } from "./filters";
import { NewTaskDialog } from "./new-task-dialog";
import { ViewsMenu } from "./views-menu";
import { TaskDrawer } from "./task-drawer";
import type { BoardData } from "./types";
import { CardFieldsContext } from "./fields/card-fields";

export function ProjectBoard({ data, me, realtimeUrl }: { data: BoardData; me: string; realtimeUrl: string | null }) {
  const params = useSearchParams();
  const query = params.toString();
  // Keyed on the filters alone: switching swimlanes (?lanes=) must not look like new filters to the live tasks.
  const filterKey = JSON.stringify(filtersFrom(Object.fromEntries(new URLSearchParams(query))));
  const filters = useMemo(() => JSON.parse(filterKey) as Filters, [filterKey]);
  const [creating, setCreating] = useState<{ statusId?: string } | null>(null);
  const { canWrite } = data.project.permissions;
  const laneKind = useLaneKind();
  useEffect(() => {
    const open = () => canWrite && setCreating({});
    window.addEventListener("tasklane:new-task", open);
    return () => window.removeEventListener("tasklane:new-task", open);
  }, [canWrite]);
  const onAdd = useCallback((statusId: string) => setCreating({ statusId }), []);
  const { tasks: _tasks, ...meta } = data;
  const cardFields = useMemo(() => ({ fields: data.fields ?? [], people: data.people }), [data.fields, data.people]);
  return (
    <>
      <FilterBar
        people={data.people}
        labels={data.labels}
        fields={data.fields}
        cycles={data.cycles}
        views={<ViewsMenu projectId={data.project.id} me={me} permissions={data.project.permissions} withLayout={false} />}
      >
        <LanesControl />
        {canWrite && (
          <button type="button" className="btn btn-primary" onClick={() => setCreating({})} aria-keyshortcuts="c">
            New task
          </button>
        )}
      </FilterBar>
      {data.tasks.length === 0 && filterKey === "{}" && (
        <div className="empty" style={{ marginBottom: 12 }}>
          <h3>No tasks yet</h3>
          <p>Create the first task with the button above or press C.</p>
        </div>
      )}
      <CardFieldsContext.Provider value={cardFields}>
        <Board data={data} filters={filters} me={me} realtimeUrl={realtimeUrl} onAdd={onAdd} laneKind={laneKind} />
      </CardFieldsContext.Provider>
      {creating && <NewTaskDialog data={data} statusId={creating.statusId} onClose={() => setCreating(null)} />}
      <TaskDrawer meta={meta} me={me} realtimeUrl={realtimeUrl} />
    </>
  );
}
