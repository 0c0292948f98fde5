import { parse } from "csv-parse/sync";
import { z } from "zod";
import type { ServiceContext } from "../context";
import { withTransaction } from "../transaction";
import { ServiceError, ValidationError } from "../errors";
import { getProjectForActorOrThrow } from "../projects/internal";
import { createTask } from "./create";
import { csvColumns, type CsvRecord } from "./csv-format";
import { unstorableFields } from "../text/storable";
import { columnOf, loadLookups, toCreateInput, type RowError } from "./csv-rows";
import { fieldReader, isFieldColumn } from "./csv-fields";

export const MAX_IMPORT_ROWS = 5000;
export type ImportReport = { dryRun: boolean; rows: number; created: number; valid: number; errors: RowError[]; keys: string[] };

class Rollback extends Error {}

/**
 * Imports the export's format through the real create verb (numbering, activity, events), all in
 * one transaction: a dry run, or any invalid row, rolls everything back. Rows are numbered from 1
 * after the header; `row: 0` is the header. A dry run runs every create and rolls back, so it
 * reports exactly what a real import would.
 */
export async function importTasksCsv(args: {
  ctx: ServiceContext;
  projectId: string;
  csv: string;
  dryRun: boolean;
}): Promise<ImportReport> {
  const records = parseCsv(args.csv);
  const report: ImportReport = { dryRun: args.dryRun, rows: records.length, created: 0, valid: 0, errors: [], keys: [] };
  try {
    await withTransaction(args.ctx, async (tx, ctx) => {
      const { project } = await getProjectForActorOrThrow({ db: tx, ctx, projectId: args.projectId, action: "project.write" });
      // Rows holding text PostgreSQL cannot store never reach a query; they are reported below.
      const cf = await fieldReader(tx, project, Object.keys(records[0] ?? {}), records);
      const lookups = await loadLookups(
        tx,
        project,
        records.filter((r) => unstorableFields(r).length === 0),
      );
      const file = {
        keys: new Set(records.map((r) => (r.key ?? "").trim().toUpperCase()).filter(Boolean)),
        created: new Map<string, string>(),
      };
      for (const i of parentsFirst(records)) {
        const unstorable = unstorableFields(records[i]);
        if (unstorable.length) {
          report.errors.push(...unstorable.map((f) => ({ row: i + 1, path: f.path, message: f.message })));
          continue;
        }
        const mapped = toCreateInput(records[i]!, i + 1, lookups, file);
        if (!mapped.input) {
          report.errors.push(...mapped.errors);
          continue;
        }
        const input = { ...mapped.input, customFields: cf.customFieldsOf(records[i]!) };
        try {
          const task = await tx.transaction((sp) => createTask({ ctx: { ...ctx, db: sp }, projectId: project.id, input }));
          report.valid++;
          report.keys.push(task.key);
          if (records[i]!.key) file.created.set(records[i]!.key.trim().toUpperCase(), task.id);
        } catch (error) {
          const fields =
            error instanceof z.ZodError
              ? error.issues.map((x) => ({ path: x.path.join("."), message: x.message }))
              : error instanceof ServiceError && error.code === "VALIDATION"
                ? (error.extra.errors ?? [{ path: "", message: error.message }])
                : null;
          if (!fields) throw error;
          report.errors.push(...fields.map((f) => ({ row: i + 1, path: cf.columnOf(f.path) ?? columnOf(f.path), message: f.message })));
        }
      }
      if (args.dryRun || report.errors.length) throw new Rollback();
      report.created = report.valid;
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
    report.keys = [];
  }
  report.errors.sort((a, b) => a.row - b.row);
  return report;
}

function parseCsv(csv: string): CsvRecord[] {
  let records: CsvRecord[];
  try {
    records = parse(csv, { columns: true, bom: true, skip_empty_lines: true, trim: false });
  } catch (error) {
    throw new ValidationError([{ path: "csv", message: (error as Error).message }], "The CSV is malformed");
  }
  const header = Object.keys(records[0] ?? {});
  // Custom field columns (cf:<name>) are checked against the project's fields inside the import.
  const unknown = header.filter((c) => !(csvColumns as readonly string[]).includes(c) && !isFieldColumn(c));
  if (records.length && !header.includes("title"))
    throw new ValidationError([{ path: "title", message: "the header must name a title column" }], "The CSV header is invalid");
  if (unknown.length)
    throw new ValidationError(
      unknown.map((c) => ({ path: c, message: `unknown column; expected ${csvColumns.join(",")}` })),
      "The CSV header is invalid",
    );
  if (records.length === 0) throw new ValidationError([{ path: "csv", message: "no rows after the header" }], "The CSV is empty");
  if (records.length > MAX_IMPORT_ROWS)
    throw new ServiceError("VALIDATION", `At most ${MAX_IMPORT_ROWS} rows per import`, {
      errors: [{ path: "csv", message: `at most ${MAX_IMPORT_ROWS} rows` }],
    });
  return records;
}

/** Row indexes with every in-file parent before its children (cycles keep file order and fail). */
function parentsFirst(records: CsvRecord[]): number[] {
  const keyRow = new Map(records.map((r, i) => [(r.key ?? "").trim().toUpperCase(), i] as const).filter(([k]) => k));
  const done = new Set<number>();
  const order: number[] = [];
  let pending = records.map((_, i) => i);
  while (pending.length) {
    const ready = pending.filter((i) => {
      const p = keyRow.get((records[i]!.parent ?? "").trim().toUpperCase());
      return p === undefined || p === i || done.has(p);
    });
    const next = ready.length ? ready : pending;
    for (const i of next) {
      done.add(i);
      order.push(i);
    }
    pending = pending.filter((i) => !done.has(i));
  }
  return order;
}
