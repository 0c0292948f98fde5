export * from "./schemas";
export { loadTasks } from "./load";
export { createTask } from "./create";
export { getTask } from "./get";
export { updateTask } from "./update";
export { bulkUpdateTasks, BulkUpdateTasksInput, MAX_BULK_UPDATES } from "./bulk-update";
export { getTaskDetail, type TaskDetail } from "./get-detail";
export { getBoard, BOARD_COLUMN_LIMIT, type Board, type BoardColumn } from "./board";
export { listAssignablePeople } from "./list-assignable-people";
export { removeTask } from "./remove";
// Deleting a project's status or label rewrites its tasks (version, activity, events), so those verbs live here.
export { removeStatus } from "./remove-status";
export { removeLabel } from "./remove-label";
export { addDependency, getDependencies, removeDependency } from "./dependencies";
export { listWatchers, unwatchTask, watchTask } from "./watchers";
export { getActivity } from "./activity";
export { findTaskInProject, getTaskForActorOrThrow, type TaskAccess, type TaskRef } from "./internal";
export { getSchedule, ScheduleQuery, type Schedule, type ScheduleInput } from "./schedule";
