"use client";
import { useState } from "react";
import { updatePreferencesAction } from "@/app/actions/notifications";
import type { NotificationPreferences } from "@/server/notifications";

const LABELS: Record<string, string> = {
  "task.assigned": "A task is assigned to me",
  "task.status_changed": "A task I follow changes status",
  "task.commented": "Someone comments on a task I follow",
  "task.mentioned": "Someone @mentions me",
  "task.due_soon": "A task of mine is due soon",
  "project.member_added": "I am added to a project",
};

/** Each box saves at once; a refusal puts it back and says why next to the table. */
export function PreferencesMatrix({ initial }: { initial: NotificationPreferences }) {
  const [prefs, setPrefs] = useState(initial);
  const [status, setStatus] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const toggle = async (type: keyof NotificationPreferences, channel: "inApp" | "email", value: boolean) => {
    const before = prefs;
    setPrefs({ ...prefs, [type]: { ...prefs[type], [channel]: value } });
    const r = await updatePreferencesAction({ [type]: { [channel]: value } } as never);
    if (r.ok) {
      setPrefs(r.data);
      setStatus({ kind: "ok", text: "Saved." });
    } else {
      setPrefs(before);
      setStatus({ kind: "error", text: r.error });
    }
  };
  return (
    <div className="stack">
      <table className="table">
        <caption className="sr-only">Notification preferences: event by channel</caption>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col" style={{ textAlign: "center" }}>
              In the app
            </th>
            <th scope="col" style={{ textAlign: "center" }}>
              Email
            </th>
          </tr>
        </thead>
        <tbody>
          {(Object.keys(prefs) as (keyof NotificationPreferences)[]).map((type) => (
            <tr key={type}>
              <th scope="row" style={{ fontWeight: 400, color: "var(--text)", fontSize: 14 }}>
                {LABELS[type] ?? type}
              </th>
              {(["inApp", "email"] as const).map((channel) => (
                <td key={channel} style={{ textAlign: "center" }}>
                  <input
                    type="checkbox"
                    checked={prefs[type][channel]}
                    onChange={(e) => void toggle(type, channel, e.target.checked)}
                    aria-label={`${LABELS[type] ?? type}: ${channel === "inApp" ? "in the app" : "email"}`}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {status && (
        <p role={status.kind === "error" ? "alert" : "status"} className={status.kind === "error" ? "field-error" : "muted"}>
          {status.text}
        </p>
      )}
    </div>
  );
}
