import type { CustomFieldOption } from "@/db/schema";
import { isRealDay, isWebUrl, normalise, type FieldShape, type FieldValue } from "./values";

// A stored value carried across a change of type or options: converted when it still has a
// meaning (a number as text, text naming an option, one option of a multi select), else undefined.

const optionName = (options: CustomFieldOption[], id: string) => options.find((o) => o.id === id)?.name;
const optionByName = (options: CustomFieldOption[], name: string) =>
  options.find((o) => o.name.toLowerCase() === name.trim().toLowerCase())?.id;

function asText(from: FieldShape, value: FieldValue): string | undefined {
  switch (from.type) {
    case "text":
    case "url":
    case "date":
      return value as string;
    case "number":
      return String(value);
    case "checkbox":
      return value ? "true" : undefined;
    case "single_select":
      return optionName(from.options, value as string);
    case "multi_select": {
      const names = (value as string[]).map((id) => optionName(from.options, id));
      return names.every((n) => n !== undefined) ? names.join(", ") : undefined;
    }
    case "person":
      return undefined;
  }
}

export function convertValue(from: FieldShape, to: FieldShape, value: FieldValue): FieldValue | undefined {
  if (from.type === to.type) return normalise(to, value) ?? undefined;
  if (from.type === "single_select" && to.type === "multi_select") return normalise(to, [value]) ?? undefined;
  if (from.type === "multi_select" && to.type === "single_select")
    return (value as string[]).length === 1 ? (normalise(to, (value as string[])[0]) ?? undefined) : undefined;
  const text = asText(from, value);
  if (text === undefined) return undefined;
  switch (to.type) {
    case "text":
      return normalise(to, text) ?? undefined;
    case "url":
      return isWebUrl(text.trim()) ? text.trim() : undefined;
    case "number": {
      const n = text.trim() === "" ? NaN : Number(text.trim());
      return normalise(to, n) ?? undefined;
    }
    case "date":
      return isRealDay(text.trim()) ? text.trim() : undefined;
    case "checkbox":
      return text.trim().toLowerCase() === "true" ? true : undefined;
    case "single_select":
      return optionByName(to.options, text);
    case "multi_select": {
      const ids = text.split(",").map((name) => optionByName(to.options, name));
      return ids.every((id) => id !== undefined) ? (normalise(to, ids) ?? undefined) : undefined;
    }
    case "person":
      return undefined;
  }
}
