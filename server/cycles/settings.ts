import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { PreconditionFailedError } from "../errors";
import { getProjectForActorOrThrow, toProject } from "../projects/internal";
import { writeProject } from "../projects/update";
import type { Project } from "../projects/schemas";
import { cycleSettingsOf } from "./internal";
import { planProjectCycles } from "./plan";
import { UpdateCycleSettingsInput } from "./schemas";

/**
 * Turns cycles on or off and sets their length, start weekday and carry-over (project admins, If-Match
 * on the project's version). Turning them on creates the current cycle and the next two at once.
 */
export async function updateCycleSettings(args: {
  ctx: ServiceContext;
  projectId: string;
  input: UpdateCycleSettingsInput;
  ifMatch?: number;
}): Promise<Project> {
  const input = UpdateCycleSettingsInput.parse(args.input);
  const actorId = requireUserId(args.ctx);
  return withTransaction(args.ctx, async (tx) => {
    const { project, role } = await getProjectForActorOrThrow({
      db: tx,
      ctx: args.ctx,
      projectId: args.projectId,
      action: "project.admin",
    });
    const current = cycleSettingsOf(project);
    const next = { ...current, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
    if (JSON.stringify(next) === JSON.stringify(current) && project.cycleSettings) {
      if (args.ifMatch !== undefined && args.ifMatch !== project.version) throw new PreconditionFailedError();
      return toProject(project, role);
    }
    const row = await writeProject(tx, args.ctx, project, { cycleSettings: next }, args.ifMatch);
    await planProjectCycles(tx, row, args.ctx.now, actorId);
    return toProject(row, role);
  });
}
