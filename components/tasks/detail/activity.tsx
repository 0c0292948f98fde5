import type { ActivityEntry } from "@/server/tasks";
import { RelativeTime } from "@/components/ui/relative-time";
import type { DetailMeta } from "./types";
import { formatDuration } from "@/components/time-tracking/duration";
import { formatFieldValue } from "../fields/field-specs";

/** Time tracking's lines (field timeSpent, seconds from → to). */
function describeTime(e: ActivityEntry): string {
  const d = (v: unknown) => formatDuration(typeof v === "number" ? v : 0);
  if (e.type === "time_logged") return `logged ${d(e.to)}`;
  if (e.type === "time_removed") return `removed ${d(e.from)} of logged time`;
  return `changed logged time from ${d(e.from)} to ${d(e.to)}`;
}

/** A custom field's activity names it `customFields.<fieldId>`. */
const customField = (field: string | undefined, meta: DetailMeta) =>
  field?.startsWith("customFields.") ? meta.fields?.find((f) => f.id === field.slice("customFields.".length)) : undefined;

function describe(value: unknown, field: string | undefined, meta: DetailMeta): string {
  if (value === null || value === undefined || value === "") return "none";
  const custom = customField(field, meta);
  if (custom) return formatFieldValue(custom, value, meta.people) || "none";
  const name = (id: unknown) =>
    (field === "status" && meta.statuses.find((s) => s.id === id)?.name) ||
    (field === "assignees" && meta.people.find((p) => p.id === id)?.name) ||
    (field === "labels" && meta.labels.find((l) => l.id === id)?.name) ||
    String(id);
  if (Array.isArray(value)) return value.length ? value.map(name).join(", ") : "none";
  if (typeof value === "object") return "…";
  const text = name(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export function Activity({ entries, meta }: { entries: ActivityEntry[]; meta: DetailMeta }) {
  return (
    <section aria-labelledby="activity-heading">
      <h2 id="activity-heading">Activity</h2>
      {entries.length === 0 ? (
        <p className="muted">No activity yet.</p>
      ) : (
        <ol className="timeline small">
          {entries.map((e) => (
            <li key={e.id}>
              <span className="dot" style={{ background: "var(--border)", marginTop: 6 }} aria-hidden="true" />
              <span>
                <strong>{e.actor?.name ?? "Someone"}</strong>{" "}
                {e.field === "timeSpent"
                  ? describeTime(e)
                  : e.type === "created"
                    ? "created the task"
                    : e.field === "description"
                      ? "edited the description"
                      : e.field === "position"
                        ? "moved the task"
                        : `changed ${customField(e.field, meta)?.name ?? e.field ?? "the task"} from ${describe(e.from, e.field, meta)} to ${describe(e.to, e.field, meta)}`}{" "}
                <RelativeTime className="muted" date={e.createdAt} />
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
