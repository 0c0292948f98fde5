export * from "./schemas";
export { listFields, getField } from "./list";
export { createField } from "./create";
export { updateField } from "./update";
export { removeField } from "./remove";
