export * from "./schemas";
export { listViews } from "./list";
export { getView } from "./get";
export { createView } from "./create";
export { updateView } from "./update";
export { removeView } from "./remove";
