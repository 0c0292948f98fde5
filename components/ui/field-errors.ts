// How a server action's refusal reads in a toast or an inline alert, the same everywhere.

type Refusal = { error: string; fieldErrors?: Record<string, string> };

/** `title must not be empty; dueDate must be a date`; `labels` name fields for people ("" shows the message alone). */
export function formatFieldErrors(fieldErrors: Record<string, string>, labels: Record<string, string> = {}): string {
  return Object.entries(fieldErrors)
    .map(([field, message]) => {
      const label = labels[field] ?? (field || "value");
      return label ? `${label} ${message}` : message;
    })
    .join("; ");
}

/** The field errors when there are any (after the summary with `withSummary`), else the message. */
export function refusalMessage(r: Refusal, opts: { labels?: Record<string, string>; withSummary?: boolean } = {}): string {
  if (!r.fieldErrors || Object.keys(r.fieldErrors).length === 0) return r.error;
  const fields = formatFieldErrors(r.fieldErrors, opts.labels);
  return opts.withSummary ? `${r.error}: ${fields}` : fields;
}
