import type { AuditEntry } from "@/server/audit/schemas";

type Person = { id: string; name: string; email: string };
export type AuditFilters = { actor: string; type: string; from: string; to: string };

/** Audit entries with filters as a plain GET form: works without JavaScript and keeps the filters in the URL. */
export function AuditLog(props: {
  entries: AuditEntry[];
  people: Person[];
  types: readonly string[];
  filters: AuditFilters;
  olderHref: string | null;
  error?: string;
}) {
  const { filters } = props;
  return (
    <>
      <form method="get" className="toolbar" aria-label="Filter the audit log">
        <div className="field">
          <label htmlFor="audit-actor">Actor</label>
          <select id="audit-actor" name="actor" defaultValue={filters.actor}>
            <option value="">Anyone</option>
            {props.people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.email})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-type">Type</label>
          <select id="audit-type" name="type" defaultValue={filters.type}>
            <option value="">Any</option>
            {props.types.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">From</label>
          <input id="audit-from" type="date" name="from" defaultValue={filters.from} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">To</label>
          <input id="audit-to" type="date" name="to" defaultValue={filters.to} />
        </div>
        <button type="submit" className="btn">
          Apply
        </button>
      </form>
      {props.error && (
        <p role="alert" className="field-error">
          {props.error}
        </p>
      )}
      {props.entries.length === 0 ? (
        <p className="muted">No entries match.</p>
      ) : (
        <table className="table" data-testid="audit-table">
          <caption className="sr-only">Audit log</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Actor</th>
              <th scope="col">Type</th>
              <th scope="col">Details</th>
              <th scope="col" className="hide-phone">
                From
              </th>
            </tr>
          </thead>
          <tbody>
            {props.entries.map((e) => (
              <tr key={e.id} data-testid={`audit-${e.type}`}>
                <td>
                  <time dateTime={e.createdAt}>{e.createdAt.replace("T", " ").slice(0, 19)} UTC</time>
                </td>
                <td>{e.actor ? e.actor.name : <span className="muted">system</span>}</td>
                <td>
                  <code>{e.type}</code>
                </td>
                <td className="small">{describe(e)}</td>
                <td className="hide-phone small muted" title={e.userAgent ?? undefined}>
                  {e.ip ?? "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.olderHref && (
        <p>
          <a className="btn btn-sm" href={props.olderHref}>
            Older entries
          </a>
        </p>
      )}
    </>
  );
}

function describe(e: AuditEntry): string {
  return Object.entries(e.data)
    .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(", ");
}
