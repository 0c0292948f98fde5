import type { CustomFieldOption, CustomFieldType } from "@/db/schema";

// One value of one field: checked and normalised for its type, and spread into the typed columns
// the filters and sorts read. `undefined` from normalise means the value does not fit.

export type FieldShape = { type: CustomFieldType; options: CustomFieldOption[] };
export type FieldValue = string | number | boolean | string[];
export type StoredColumns = {
  value: FieldValue;
  textValue: string | null;
  numberValue: number | null;
  dateValue: string | null;
  boolValue: boolean | null;
  optionIds: string[] | null;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const storable = (s: string) => !s.includes("\u0000") && !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

export function isRealDay(v: string): boolean {
  return DAY.test(v) && v >= "1000-01-01" && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
}

export function isWebUrl(v: string): boolean {
  if (v.length > 2000 || !/^https?:\/\//i.test(v)) return false;
  try {
    return Boolean(new URL(v).host);
  } catch {
    return false;
  }
}

/** What is wrong with a value for this type, as a 422 message; the hint for clients. */
export const expected: Record<CustomFieldType, string> = {
  text: "must be text of at most 5000 characters",
  number: "must be a number between -1e15 and 1e15",
  date: "must be a date YYYY-MM-DD",
  checkbox: "must be true or false",
  url: "must be an http(s) URL of at most 2000 characters",
  single_select: "must be the id of one of the field's options",
  multi_select: "must be a list of ids of the field's options",
  person: "must be the id of a user who can see the project",
};

/** The stored form of `raw`, null when it clears the value, undefined when it does not fit. */
export function normalise(field: FieldShape, raw: unknown): FieldValue | null | undefined {
  if (raw === null) return null;
  const optionIds = new Set(field.options.map((o) => o.id));
  switch (field.type) {
    case "text":
      if (typeof raw !== "string" || raw.length > 5000 || !storable(raw)) return undefined;
      return raw.trim() === "" ? null : raw;
    case "url":
      if (typeof raw !== "string") return undefined;
      if (raw.trim() === "") return null;
      return isWebUrl(raw.trim()) && storable(raw) ? raw.trim() : undefined;
    case "number":
      return typeof raw === "number" && Number.isFinite(raw) && Math.abs(raw) <= 1e15 ? raw : undefined;
    case "date":
      if (typeof raw !== "string") return undefined;
      return isRealDay(raw) ? raw : undefined;
    case "checkbox":
      // Unchecked is the absence of a value, so "false" filters and sorts like an empty box.
      return typeof raw === "boolean" ? (raw ? true : null) : undefined;
    case "single_select":
      return typeof raw === "string" && optionIds.has(raw.toLowerCase()) ? raw.toLowerCase() : undefined;
    case "multi_select": {
      if (!Array.isArray(raw) || raw.length > 100 || !raw.every((v) => typeof v === "string" && optionIds.has(v.toLowerCase())))
        return undefined;
      const ids = [...new Set(raw.map((v: string) => v.toLowerCase()))];
      // Stored in the field's option order, so equal sets compare equal.
      const ordered = field.options.map((o) => o.id).filter((id) => ids.includes(id));
      return ordered.length ? ordered : null;
    }
    case "person":
      return typeof raw === "string" && UUID.test(raw) ? raw.toLowerCase() : undefined;
  }
}

export function storedColumns(type: CustomFieldType, value: FieldValue): StoredColumns {
  const base: StoredColumns = { value, textValue: null, numberValue: null, dateValue: null, boolValue: null, optionIds: null };
  switch (type) {
    case "number":
      return { ...base, numberValue: value as number };
    case "date":
      return { ...base, dateValue: value as string };
    case "checkbox":
      return { ...base, boolValue: value as boolean };
    case "multi_select":
      return { ...base, optionIds: value as string[] };
    default:
      return { ...base, textValue: value as string };
  }
}

export function sameValue(a: FieldValue | null | undefined, b: FieldValue | null | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
