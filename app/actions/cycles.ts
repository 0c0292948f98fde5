"use server";
import { attempt, type ActionResult, serverAction } from "@/app/lib/action";
import { requireContext } from "@/app/lib/session";
import {
  completeCycle,
  createCycle,
  removeCycle,
  updateCycleSettings,
  type CreateCycleInput,
  type Cycle,
  type UpdateCycleSettingsInput,
} from "@/server/cycles";

// The Cycles page and the settings form: the same service verbs as /projects/{id}/cycles and /cycles/{id}.

export const createCycleAction = serverAction(async function createCycleAction(
  projectId: string,
  input: CreateCycleInput,
): Promise<ActionResult<Cycle>> {
  const ctx = await requireContext();
  return attempt(() => createCycle({ ctx, projectId, input }));
});

export const completeCycleAction = serverAction(async function completeCycleAction(cycleId: string): Promise<ActionResult<Cycle>> {
  const ctx = await requireContext();
  return attempt(() => completeCycle({ ctx, cycleId }));
});

export const removeCycleAction = serverAction(async function removeCycleAction(cycleId: string): Promise<ActionResult> {
  const ctx = await requireContext();
  const r = await attempt(() => removeCycle({ ctx, cycleId }));
  return r.ok ? { ok: true, data: undefined } : r;
});

export const updateCycleSettingsAction = serverAction(async function updateCycleSettingsAction(
  projectId: string,
  input: UpdateCycleSettingsInput,
): Promise<ActionResult> {
  const ctx = await requireContext();
  const r = await attempt(() => updateCycleSettings({ ctx, projectId, input }));
  return r.ok ? { ok: true, data: undefined } : r;
});
