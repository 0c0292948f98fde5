import { ValidationError, type FieldError } from "../errors";

// PostgreSQL text cannot hold U+0000, and jsonb refuses an escaped unpaired UTF-16 surrogate
// (the pg driver would also silently turn one into U+FFFD in text). Such input is refused at the
// door, naming the field, instead of failing deep inside a write as a 500.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSTORABLE_MESSAGE = "contains a character that cannot be stored (NUL or an unpaired UTF-16 surrogate)";

export function isStorableText(s: string): boolean {
  return !UNSTORABLE.test(s);
}

function isFileLike(v: unknown): v is { name: string } {
  return typeof Blob !== "undefined" && v instanceof Blob && typeof (v as { name?: unknown }).name === "string";
}

/**
 * Every string in `value` (object keys, array items, FormData entries and file names, at any depth)
 * that PostgreSQL cannot store, as field errors with dotted paths. Iterative: deep nesting cannot overflow the stack.
 */
export function unstorableFields(value: unknown, prefix = ""): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<unknown>();
  const stack: { v: unknown; path: string }[] = [{ v: value, path: prefix }];
  const join = (base: string, key: string) => (base ? `${base}.${key}` : key);
  while (stack.length && errors.length < 20) {
    const { v, path } = stack.pop()!;
    if (typeof v === "string") {
      if (!isStorableText(v)) errors.push({ path, message: UNSTORABLE_MESSAGE });
    } else if (isFileLike(v)) {
      if (!isStorableText(v.name)) errors.push({ path: join(path, "name"), message: UNSTORABLE_MESSAGE });
    } else if (v && typeof v === "object" && !seen.has(v)) {
      seen.add(v);
      if (typeof FormData !== "undefined" && v instanceof FormData) {
        for (const [k, item] of v.entries()) {
          if (!isStorableText(k)) errors.push({ path: join(path, safeKey(k)), message: UNSTORABLE_MESSAGE });
          else stack.push({ v: item, path: join(path, k) });
        }
      } else if (Array.isArray(v)) {
        v.forEach((item, i) => stack.push({ v: item, path: join(path, String(i)) }));
      } else if (v instanceof URLSearchParams) {
        for (const [k, item] of v.entries()) stack.push({ v: k, path: join(path, safeKey(k)) }, { v: item, path: join(path, safeKey(k)) });
      } else if (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null) {
        for (const [k, item] of Object.entries(v)) {
          if (!isStorableText(k)) errors.push({ path: join(path, safeKey(k)), message: `the key ${UNSTORABLE_MESSAGE}` });
          else stack.push({ v: item, path: join(path, k) });
        }
      }
    }
  }
  return dedupe(errors);
}

/** A key that itself cannot be stored is named with its bad characters escaped, so the answer can be serialised and read. */
function safeKey(k: string): string {
  return k.replace(/\u0000|[\uD800-\uDFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => (seen.has(e.path) ? false : (seen.add(e.path), true)));
}

/** Throws a 422 naming every field holding text PostgreSQL cannot store. */
export function assertStorable(value: unknown, what: string, prefix = ""): void {
  const errors = unstorableFields(value, prefix);
  if (errors.length)
    throw new ValidationError(errors, `${what} holds text that cannot be stored: ${errors.map((e) => e.path || "(value)").join(", ")}`);
}
