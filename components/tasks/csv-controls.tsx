"use client";
import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { importCsvAction } from "@/app/actions/csv";
import type { ImportReport } from "@/server/tasks/csv-import";
import { refusalMessage } from "@/components/ui/field-errors";

/** The list page's "Export CSV" link and "Import CSV…": a dry run first, its row errors, then a confirm. */
export function CsvControls({ projectId, canWrite }: { projectId: string; canWrite: boolean }) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [pending, start] = useTransition();
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = (dryRun: boolean) =>
    start(async () => {
      setError(null);
      const fd = new FormData(form.current!);
      if (dryRun) fd.set("dryRun", "1");
      const r = await importCsvAction(projectId, fd);
      if (!r.ok) return setError(refusalMessage(r, { withSummary: true }));
      setReport(r.data);
      if (!dryRun && r.data.errors.length === 0) {
        form.current!.reset();
        router.refresh();
      }
    });

  return (
    <>
      <a className="btn btn-ghost" href={`/api/v1/projects/${projectId}/tasks/export.csv`} download>
        Export CSV
      </a>
      {canWrite && (
        <details style={{ position: "relative" }}>
          <summary className="btn btn-ghost">Import CSV…</summary>
          <form
            ref={form}
            className="card"
            style={{ position: "absolute", right: 0, zIndex: 20, minWidth: 300, display: "grid", gap: 6 }}
            aria-busy={pending}
            onSubmit={(e) => (e.preventDefault(), run(true))}
          >
            <label htmlFor="csv-file">CSV file (the export&apos;s columns)</label>
            <input
              id="csv-file"
              name="file"
              type="file"
              accept=".csv,text/csv"
              required
              onChange={() => setReport(null)}
              aria-describedby={error ? "csv-error" : undefined}
            />
            <button type="submit" className="btn" disabled={pending}>
              Check file
            </button>
            {error && (
              <p id="csv-error" role="alert" className="field-error">
                {error}
              </p>
            )}
            {report && (
              <div role="status">
                {report.dryRun ? (
                  <p>
                    {report.errors.length
                      ? `${report.errors.length} problem(s) in ${report.rows} rows; nothing was imported.`
                      : `${report.valid} of ${report.rows} rows are ready to import.`}
                  </p>
                ) : (
                  <p>{report.errors.length ? "Nothing was imported." : `Imported ${report.created} tasks.`}</p>
                )}
                {report.errors.length > 0 && (
                  <ul className="field-error">
                    {report.errors.slice(0, 50).map((e, i) => (
                      <li key={i}>
                        Row {e.row}, {e.path}: {e.message}
                      </li>
                    ))}
                  </ul>
                )}
                {report.dryRun && report.errors.length === 0 && report.valid > 0 && (
                  <button type="button" className="btn btn-primary" disabled={pending} onClick={() => run(false)}>
                    Import {report.valid} tasks
                  </button>
                )}
              </div>
            )}
          </form>
        </details>
      )}
    </>
  );
}
