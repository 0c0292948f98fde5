"use client";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { FilterBar } from "./filter-bar";
import { filtersFrom } from "./filters";
import { NewTaskDialog } from "./new-task-dialog";
import { QuickAdd } from "./quick-add";
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
  const router = useRouter();
  const defaultStatus = data.statuses.find((s) => s.isDefault) ?? data.statuses[0];
  const [quickStatus, setQuickStatus] = useState(defaultStatus?.id ?? "");
  const quickStatusName = data.statuses.find((s) => s.id === quickStatus)?.name ?? "";
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
        fields={data.fields}
        cycles={data.cycles}
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
      {canWrite && quickStatus && (
        <div className="list-quick-add">
          {/* The list shows the new task after a refresh (or at once through a live event, without duplicates). */}
          <QuickAdd
            projectId={data.project.id}
            fields={{ statusId: quickStatus }}
            where={quickStatusName}
            onCreated={() => router.refresh()}
          >
            <label className="sr-only" htmlFor="quick-add-status">
              Status of new tasks
            </label>
            <select id="quick-add-status" value={quickStatus} onChange={(e) => setQuickStatus(e.target.value)} style={{ width: 140 }}>
              {data.statuses.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </QuickAdd>
        </div>
      )}
      {creating && <NewTaskDialog data={data} onClose={() => setCreating(false)} />}
      <TaskDrawer meta={meta} me={me} realtimeUrl={realtimeUrl} />
    </>
  );
}
