export * from "./schemas";
export { createProject } from "./create";
export { getProject } from "./get";
export { listStatuses } from "./list-statuses";
export { getProjectForActorOrThrow } from "./internal";
