export * from "./schemas";
export { setRecurrence } from "./set";
export { getRecurrence } from "./get";
export { removeRecurrence } from "./remove";
export { updateTaskInScope } from "./update-scope";
export { recurrenceConsumer } from "./consumer";
export { createScheduledOccurrences, startRecurrenceScheduler } from "./scheduler";
export { applyToFutureOccurrences } from "./apply-to-future";
