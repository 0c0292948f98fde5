import { inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { ValidationError } from "../errors";
import { projectFields, type FieldRow } from "../custom-fields/internal";
import { loadFieldValues } from "../custom-fields/task-values";
import type { ProjectRow } from "../projects/internal";
import { escapeCell, splitList, type CsvRecord } from "./csv-format";
import { projectVisibleUsers } from "./people";

// Custom fields in CSV: one column per field after the built-in ones, headed `cf:<field name>`.
// Cells: text as is, numbers, dates YYYY-MM-DD, checkbox true or empty, option names (";" between
// several), a person's email. Import reads them back into the create verb's customFields.

export const FIELD_PREFIX = "cf:";
export const fieldColumn = (f: { name: string }) => `${FIELD_PREFIX}${f.name}`;
export const isFieldColumn = (column: string) => column.startsWith(FIELD_PREFIX);

export { projectFields };

/** Each task's field cells, escaped like every other cell. */
export async function fieldCells(db: Database, fields: FieldRow[], taskIds: string[]): Promise<Map<string, Record<string, string>>> {
  const out = new Map<string, Record<string, string>>();
  if (fields.length === 0 || taskIds.length === 0) return out;
  const values = await loadFieldValues(db, taskIds);
  const personIds = [...values.values()].flatMap((v) =>
    fields
      .filter((f) => f.type === "person")
      .map((f) => v[f.id])
      .filter((x): x is string => typeof x === "string"),
  );
  const emails = new Map(
    personIds.length
      ? (await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, personIds))).map((u) => [u.id, u.email])
      : [],
  );
  const option = (f: FieldRow, id: unknown) => f.options.find((o) => o.id === id)?.name ?? "";
  for (const id of taskIds) {
    const v = values.get(id) ?? {};
    const cells = fields.map((f): [string, string] => {
      const value = v[f.id];
      if (value === undefined) return [fieldColumn(f), ""];
      if (f.type === "single_select") return [fieldColumn(f), escapeCell(option(f, value))];
      if (f.type === "multi_select") return [fieldColumn(f), escapeCell((value as string[]).map((o) => option(f, o)).join(";"))];
      if (f.type === "person") return [fieldColumn(f), escapeCell(emails.get(value as string) ?? "")];
      return [fieldColumn(f), escapeCell(String(value))];
    });
    out.set(id, Object.fromEntries(cells));
  }
  return out;
}

/** Reads the file's `cf:` columns: every one must name a field of the project (else 422 for the file). */
export async function fieldReader(db: Database, project: ProjectRow, header: string[], records: CsvRecord[]) {
  const fields = await projectFields(db, project.id);
  const byColumn = new Map(fields.map((f) => [fieldColumn(f).toLowerCase(), f]));
  const columns = header.filter(isFieldColumn);
  const unknown = columns.filter((c) => !byColumn.has(c.toLowerCase()));
  if (unknown.length)
    throw new ValidationError(
      unknown.map((c) => ({ path: c, message: "is not a custom field of this project" })),
      "The CSV header is invalid",
    );
  const cell = (r: CsvRecord, column: string) => ((r as Record<string, string | undefined>)[column] ?? "").trim();
  const emails = [
    ...new Set(
      records.flatMap((r) => columns.filter((c) => byColumn.get(c.toLowerCase())!.type === "person").map((c) => cell(r, c).toLowerCase())),
    ),
  ].filter(Boolean);
  const people = emails.length ? await projectVisibleUsers(db, project, inArray(sql`lower(${users.email})`, emails)) : [];
  const personOf = new Map(people.map((p) => [p.email.toLowerCase(), p.id]));
  const optionOf = (f: FieldRow, name: string) => f.options.find((o) => o.name.toLowerCase() === name.toLowerCase())?.id ?? name;

  /** The row's customFields for the create verb; an unreadable cell is passed on as text for it to refuse. */
  return {
    fields,
    customFieldsOf(r: CsvRecord): Record<string, unknown> {
      const out: Record<string, unknown> = {};
      for (const column of columns) {
        const f = byColumn.get(column.toLowerCase())!;
        const text = cell(r, column);
        if (text === "") continue;
        if (f.type === "number") out[f.id] = Number.isFinite(Number(text)) ? Number(text) : text;
        else if (f.type === "checkbox") out[f.id] = text.toLowerCase() === "true" ? true : text.toLowerCase() === "false" ? false : text;
        else if (f.type === "single_select") out[f.id] = optionOf(f, text);
        else if (f.type === "multi_select") out[f.id] = splitList(text).map((name) => optionOf(f, name));
        else if (f.type === "person") out[f.id] = personOf.get(text.toLowerCase()) ?? text;
        else out[f.id] = text;
      }
      return out;
    },
    /** customFields.<fieldId> → its column, for the report. */
    columnOf(path: string): string | null {
      const m = /^customFields\.([^.]+)/.exec(path);
      const f = m ? fields.find((x) => x.id === m[1]!.toLowerCase()) : undefined;
      return f ? fieldColumn(f) : null;
    },
  };
}
