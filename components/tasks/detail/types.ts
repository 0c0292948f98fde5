import type { BoardData, Task } from "../types";

export type DetailMeta = Omit<BoardData, "tasks">;
export type SaveField = (input: Partial<Record<string, unknown>>) => Promise<Task | null>;
