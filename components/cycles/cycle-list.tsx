"use client";
import Link from "next/link";
import { completeCycleAction, removeCycleAction } from "@/app/actions/cycles";
import type { Cycle } from "@/server/cycles/schemas";
import { useCycleAction } from "./use-cycle-action";

const STATE_LABEL: Record<Cycle["state"], string> = { upcoming: "Upcoming", active: "Current", ended: "Ended", completed: "Completed" };

/** The project's cycles, the current one highlighted; members complete or delete them. */
export function CycleList({ cycles, base, canWrite }: { cycles: Cycle[]; base: string; canWrite: boolean }) {
  const { run, pending, alert } = useCycleAction();
  if (cycles.length === 0) return <p className="muted">No cycles yet. Create one below, or turn cycles on to have them planned ahead.</p>;
  return (
    <>
      {alert}
      <ul className="stack" style={{ listStyle: "none", padding: 0 }} aria-label="Cycles">
        {cycles.map((c) => (
          <li
            key={c.id}
            className="card"
            aria-current={c.state === "active" ? "true" : undefined}
            style={c.state === "active" ? { borderColor: "var(--accent)", borderWidth: 2 } : undefined}
          >
            <div className="row-between">
              <div>
                <strong>{c.name}</strong> <span className="badge">{STATE_LABEL[c.state]}</span>
                <div className="muted small">
                  {c.startDate} – {c.endDate} · {c.completedTaskCount} of {c.taskCount} tasks done
                </div>
              </div>
              <div className="row">
                <Link className="btn btn-sm" href={`${base}/board?cycle=${c.id}`}>
                  Board<span className="sr-only"> of {c.name}</span>
                </Link>
                <Link className="btn btn-sm" href={`${base}/cycles/${c.id}`}>
                  Report<span className="sr-only"> of {c.name}</span>
                </Link>
                {canWrite && (c.state === "active" || c.state === "ended") && (
                  <button type="button" className="btn btn-sm" disabled={pending} onClick={() => run(() => completeCycleAction(c.id))}>
                    Complete<span className="sr-only"> {c.name}</span>
                  </button>
                )}
                {canWrite && c.state !== "completed" && (
                  <button
                    type="button"
                    className="btn btn-sm btn-ghost"
                    disabled={pending}
                    onClick={() => {
                      if (window.confirm(`Delete ${c.name}? Its tasks stay, in no cycle.`)) run(() => removeCycleAction(c.id));
                    }}
                  >
                    Delete<span className="sr-only"> {c.name}</span>
                  </button>
                )}
              </div>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
