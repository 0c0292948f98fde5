export * from "./schemas";
export { createComment } from "./create";
export { listComments } from "./list";
export { updateComment } from "./update";
export { removeComment } from "./remove";
export { parseMentions } from "./mentions";
