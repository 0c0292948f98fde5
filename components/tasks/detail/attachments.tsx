"use client";
import { useCallback, useEffect, useState } from "react";

type Attachment = { id: string; filename: string; size: number; contentType: string };
const kb = (n: number) => (n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

async function fetchAttachments(taskId: string): Promise<Attachment[]> {
  const res = await fetch(`/api/v1/tasks/${taskId}/attachments`, { credentials: "same-origin" });
  return res.ok ? ((await res.json()) as { data: Attachment[] }).data : [];
}

/** Uses the REST endpoints with the session cookie: XMLHttpRequest is what reports upload progress. */
export function Attachments({ taskId, canWrite }: { taskId: string; canWrite: boolean }) {
  const [items, setItems] = useState<Attachment[] | null>(null);
  const [progress, setProgress] = useState<{ name: string; pct: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => fetchAttachments(taskId).then(setItems), [taskId]);
  useEffect(() => {
    let live = true;
    void fetchAttachments(taskId).then((list) => live && setItems(list));
    return () => {
      live = false;
    };
  }, [taskId]);

  const upload = (file: File) => {
    setError(null);
    const xhr = new XMLHttpRequest();
    const form = new FormData();
    form.append("file", file);
    xhr.open("POST", `/api/v1/tasks/${taskId}/attachments`);
    xhr.upload.onprogress = (e) => e.lengthComputable && setProgress({ name: file.name, pct: Math.round((e.loaded / e.total) * 100) });
    xhr.onload = () => {
      setProgress(null);
      if (xhr.status >= 200 && xhr.status < 300) return void refresh();
      try {
        setError((JSON.parse(xhr.responseText) as { detail?: string }).detail ?? `Upload failed (${xhr.status})`);
      } catch {
        setError(`Upload failed (${xhr.status})`);
      }
    };
    xhr.onerror = () => {
      setProgress(null);
      setError("Upload failed: the connection was lost");
    };
    setProgress({ name: file.name, pct: 0 });
    xhr.send(form);
  };

  const remove = async (a: Attachment) => {
    if (!confirm(`Delete ${a.filename}?`)) return;
    const res = await fetch(`/api/v1/attachments/${a.id}`, { method: "DELETE" });
    if (res.ok) void refresh();
    else setError(`Could not delete ${a.filename}`);
  };

  return (
    <section aria-labelledby="attachments-heading" className="stack">
      <h2 id="attachments-heading">Attachments</h2>
      {items === null ? (
        <div className="skeleton" style={{ height: 24 }} />
      ) : items.length === 0 ? (
        <p className="muted">No files attached.</p>
      ) : (
        <ul style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {items.map((a) => (
            <li key={a.id} className="row" style={{ padding: "4px 0" }}>
              <a href={`/api/v1/attachments/${a.id}`} download={a.filename}>
                {a.filename}
              </a>
              <span className="muted small">{kb(a.size)}</span>
              <span className="grow" />
              {canWrite && (
                <button type="button" className="btn btn-sm btn-ghost" onClick={() => void remove(a)} aria-label={`Delete ${a.filename}`}>
                  Delete
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {progress && (
        <div role="status" aria-live="polite">
          <div className="small">
            Uploading {progress.name}… {progress.pct}%
          </div>
          <div
            className="progress"
            role="progressbar"
            aria-label={`Uploading ${progress.name}`}
            aria-valuenow={progress.pct}
            aria-valuemin={0}
            aria-valuemax={100}
          >
            <span style={{ width: `${progress.pct}%` }} />
          </div>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {canWrite && (
        <div>
          <label className="btn btn-sm" style={{ fontWeight: 500 }}>
            Attach a file
            <input
              type="file"
              className="sr-only"
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) upload(f);
                e.target.value = "";
              }}
            />
          </label>
        </div>
      )}
    </section>
  );
}
