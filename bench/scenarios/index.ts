import type { Scenario } from "../lib/scenario";
import { analyticsScenario } from "./analytics";
import { boardReadScenario } from "./board-read";
import { browserScenario } from "./browser";
import { createTaskScenario } from "./create-task";
import { fanoutScenario } from "./fanout";
import { floorsScenario } from "./floors";
import { paginationScenario } from "./pagination";
import { routeOverheadScenario } from "./route-overhead";
import { searchScenario } from "./search";
import { createCommentScenario, updateTaskScenario } from "./write-tasks";
import { customFieldsScenario } from "./custom-fields";

export { searchScenario };

/** Run after seeding, in this order (search runs during seeding, at each data-set size). Task creation, moves and comments write to CRT only. */
export const scenarios: Scenario[] = [
  floorsScenario,
  boardReadScenario,
  routeOverheadScenario,
  paginationScenario,
  analyticsScenario,
  createTaskScenario,
  updateTaskScenario,
  createCommentScenario,
  fanoutScenario,
  browserScenario,
  customFieldsScenario,
];
