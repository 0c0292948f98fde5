import { z } from "zod";
import { defineOperation } from "./define";
import { Status } from "../projects/schemas";
import { taskFilterShape } from "../tasks/filters";
import { Task } from "../tasks/schemas";
import { PageQuery } from "../pagination";
import { Id } from "./common";

export const BoardQuery = z
  .object({
    ...taskFilterShape,
    limit: PageQuery.shape.limit.meta({ description: "Cards per column (1–100, default 50)" }),
  })
  .meta({ id: "BoardQuery" });

export const BoardColumn = z
  .object({
    statusId: z.uuid(),
    count: z.number().int().describe("Tasks of this status matching the filters"),
    tasks: z.array(Task).describe("The column's first cards in board order"),
    nextCursor: z
      .string()
      .nullable()
      .describe("Continues the column through GET /projects/{projectId}/tasks?status=<statusId>&sort=position&cursor=…"),
  })
  .meta({ id: "BoardColumn" });

export const Board = z.object({ statuses: z.array(Status), columns: z.array(BoardColumn) }).meta({ id: "Board" });

export const getBoardOp = defineOperation({
  method: "GET",
  path: "/api/v1/projects/{projectId}/board",
  tag: "Tasks",
  auth: "required",
  summary:
    "The board in one request: the workflow, and per status the number of matching tasks and its first cards in board order, with a cursor the task list continues; the task list's filters apply",
  params: z.object({ projectId: Id }),
  query: BoardQuery,
  response: Board,
  status: 200,
  shapedByService: true,
  errors: [401, 404, 422],
});
