"use client";
import { useState } from "react";
import { createCycleAction, updateCycleSettingsAction } from "@/app/actions/cycles";
import type { CycleSettings } from "@/server/projects/schemas";
import { useCycleAction } from "./use-cycle-action";

const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
const today = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** A cycle by hand: name (optional) and dates that must not overlap another cycle. */
export function CreateCycleForm({ projectId }: { projectId: string }) {
  const { run, pending, alert } = useCycleAction();
  const [key, setKey] = useState(0);
  return (
    <form
      key={key}
      className="row"
      style={{ flexWrap: "wrap", alignItems: "end" }}
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const name = String(f.get("name") ?? "").trim();
        run(
          () =>
            createCycleAction(projectId, {
              name: name || undefined,
              startDate: String(f.get("startDate")),
              endDate: String(f.get("endDate")),
            }),
          () => setKey(key + 1),
        );
      }}
    >
      <label className="field">
        <span className="small muted">Name</span>
        <input name="name" placeholder="Cycle name (optional)" maxLength={100} />
      </label>
      <label className="field">
        <span className="small muted">Starts</span>
        <input name="startDate" type="date" required defaultValue={today()} />
      </label>
      <label className="field">
        <span className="small muted">Ends</span>
        <input name="endDate" type="date" required defaultValue={inDays(13)} />
      </label>
      <button className="btn btn-primary" disabled={pending}>
        Create cycle
      </button>
      {alert}
    </form>
  );
}

/** Turn cycles on (planned ahead: the current one and the next two), their length, start weekday and carry-over. */
export function CycleSettingsForm({ projectId, settings, canEdit }: { projectId: string; settings: CycleSettings; canEdit: boolean }) {
  const { run, pending, alert } = useCycleAction();
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        run(() =>
          updateCycleSettingsAction(projectId, {
            enabled: f.get("enabled") === "on",
            lengthWeeks: Number(f.get("lengthWeeks")),
            startDay: String(f.get("startDay")) as CycleSettings["startDay"],
            carryOver: f.get("carryOver") === "on",
          }),
        );
      }}
    >
      <fieldset disabled={!canEdit || pending} className="stack" style={{ border: 0, padding: 0, margin: 0 }}>
        <label className="row">
          <input type="checkbox" name="enabled" defaultChecked={settings.enabled} /> Plan cycles automatically
        </label>
        <div className="row">
          <label className="field">
            <span className="small muted">Length</span>
            <select name="lengthWeeks" defaultValue={settings.lengthWeeks}>
              {[1, 2, 3, 4].map((n) => (
                <option key={n} value={n}>
                  {n} week{n === 1 ? "" : "s"}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="small muted">Starts on</span>
            <select name="startDay" defaultValue={settings.startDay}>
              {WEEKDAYS.map((d) => (
                <option key={d} value={d}>
                  {d[0]!.toUpperCase() + d.slice(1)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="row">
          <input type="checkbox" name="carryOver" defaultChecked={settings.carryOver} /> Move unfinished tasks to the next cycle when a
          cycle ends
        </label>
        <div>
          <button className="btn btn-primary">Save cycle settings</button>
        </div>
      </fieldset>
      {alert}
    </form>
  );
}
