import fc from "fast-check";

// Arbitraries from the OpenAPI document's JSON Schemas: values that fit (to reach deep into a handler)
// and hostile values (wrong types, huge strings, unicode edge cases, numbers at the edges, deep nesting).

export type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean | Schema;
  default?: unknown;
};

/** A number written verbatim into the JSON text (1e309, 9007199254740993, -0): JSON.stringify cannot. */
export class RawJson {
  constructor(readonly text: string) {}
}

export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export const unicodeEdges = [
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfff",
  "\udc00\ud800",
  "\u202Eevil\u202C",
  "שלום עולם",
  "مرحبا",
  "👩‍👩‍👧‍👦🏳️‍🌈",
  "e\u0301\u0301\u0301",
  "\ufeff",
  "\u200b\u200d",
  "𝕏𝕪𝕫",
  "\uffff\ufffe",
  "<script>alert(1)</script>",
  "' or 1=1 --",
  "%00",
  "\\u0000",
  "   ",
];

export const numberEdges: unknown[] = [
  new RawJson("1e309"),
  new RawJson("-1e309"),
  new RawJson("9007199254740993"),
  new RawJson("99999999999999999999999999"),
  new RawJson("-0"),
  new RawJson("1e-400"),
  new RawJson("0.1e1"),
  2147483648,
  -2147483649,
  Number.MAX_SAFE_INTEGER,
  -1,
  0,
  1.5,
  "NaN",
  "Infinity",
  "1e309",
  "-1",
  "0x10",
];

const deep = (depth: number) => new RawJson("[".repeat(depth) + "]".repeat(depth));
const deepObject = (depth: number) => new RawJson('{"a":'.repeat(depth) + "1" + "}".repeat(depth));

/** Hostile values for any field. */
export function nasty(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...unicodeEdges) },
    { weight: 3, arbitrary: fc.constantFrom(...numberEdges) },
    { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], { "": 1 }, "", "null", "true") },
    { weight: 1, arbitrary: fc.constantFrom(deep(2000), deepObject(500), deep(20)) },
    { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 300_000 }).map((n) => "x".repeat(n)) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.constantFrom(...unicodeEdges).map((u) => ({ [u]: u })) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...unicodeEdges), { minLength: 1, maxLength: 5 }) },
  );
}

export type Resolve = (ref: string) => Schema;
/** Real values for a field by name (ids of the fixture), so a valid body reaches the service. */
export type RealValues = (field: string) => unknown[] | undefined;

export function valid(schema: Schema, resolve: Resolve, real: RealValues, field = "", depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) return valid(resolve(schema.$ref), resolve, real, field, depth);
  if (depth > 6) return fc.constant(null);
  const known = real(field);
  if (known?.length && schema.type !== "array")
    return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: basic() });
  return basic();

  function basic(): fc.Arbitrary<unknown> {
    if (schema.const !== undefined) return fc.constant(schema.const);
    if (schema.enum) return fc.constantFrom(...schema.enum);
    const alternatives = schema.anyOf ?? schema.oneOf;
    if (alternatives) return fc.oneof(...alternatives.map((s) => valid(s, resolve, real, field, depth + 1)));
    if (schema.allOf) return valid(schema.allOf[0]!, resolve, real, field, depth + 1);
    const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : ["string"];
    return fc.oneof(...types.map((t) => byType(t)));
  }

  function byType(type: string): fc.Arbitrary<unknown> {
    switch (type) {
      case "null":
        return fc.constant(null);
      case "boolean":
        return fc.boolean();
      case "integer": {
        const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -5);
        const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : Math.max(min, 0) + 100);
        return fc.integer({ min: Math.max(min, -1e9), max: Math.min(max, 1e9) });
      }
      case "number":
        return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true, noDefaultInfinity: true });
      case "array":
        return fc.array(valid(schema.items ?? {}, resolve, real, field, depth + 1), {
          minLength: schema.minItems ?? 0,
          maxLength: Math.min(schema.maxItems ?? 3, Math.max(schema.minItems ?? 0, 3)),
        });
      case "object": {
        const props = schema.properties ?? {};
        const required = new Set(schema.required ?? []);
        const model: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [k, s] of Object.entries(props)) model[k] = valid(s, resolve, real, k, depth + 1);
        return fc.record(model, { requiredKeys: [...required].filter((k) => k in props) });
      }
      default:
        return str();
    }
  }

  function str(): fc.Arbitrary<unknown> {
    const min = schema.minLength ?? 0;
    const max = Math.min(schema.maxLength ?? 30, Math.max(min, 30));
    switch (schema.format) {
      case "uuid":
        return fc.uuid();
      case "date-time":
        return fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((d) => d.toISOString());
      case "date":
        return fc
          .date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10));
      case "email":
        return fc.emailAddress();
      case "uri":
        return fc.webUrl();
    }
    if (schema.pattern) {
      try {
        return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= min && s.length <= (schema.maxLength ?? 1e6));
      } catch {
        /* an unsupported pattern: plain strings */
      }
    }
    return fc.string({ minLength: min, maxLength: max });
  }
}

/** Every path (as keys) inside a value, for choosing where to plant a hostile value. */
export function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (prefix.length) out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value && typeof value === "object" && !(value instanceof RawJson))
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

export function setAt(value: unknown, path: (string | number)[], to: unknown, remove = false): unknown {
  if (path.length === 0) return to;
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
  const [head, ...rest] = path;
  if (rest.length === 0) {
    if (remove) {
      if (Array.isArray(copy)) copy.splice(head as number, 1);
      else delete copy[head!];
    } else copy[head!] = to;
    return copy;
  }
  copy[head!] = setAt(copy[head!], rest, to, remove);
  return copy;
}
