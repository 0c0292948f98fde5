// The CSV format shared by export and import. Multi-value cells (assignees, labels) are
// separated by ";". Cells that a spreadsheet would run as a formula get a leading "'" on export
// (OWASP CSV injection), which import strips again, so a round trip is lossless.
export const csvColumns = [
  "key",
  "title",
  "description",
  "status",
  "priority",
  "assignees",
  "labels",
  "dueDate",
  "startDate",
  "estimate",
  "parent",
  "cycle",
] as const;
export type CsvColumn = (typeof csvColumns)[number];
export type CsvRecord = Partial<Record<CsvColumn, string>>;

const FORMULA = /^[=+\-@\t\r]/;

export function escapeCell(value: string): string {
  return FORMULA.test(value) ? `'${value}` : value;
}

export function unescapeCell(value: string): string {
  return value.startsWith("'") && FORMULA.test(value.slice(1)) ? value.slice(1) : value;
}

export function splitList(cell: string | undefined): string[] {
  return (cell ?? "")
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
}
