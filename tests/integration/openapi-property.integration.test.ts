import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { api, request } from "../helpers/app";
import { changed, fingerprint } from "./property/fingerprint";
import { createFixture, fixtureStands, spareToken, type Fixture } from "./property/fixture";
import { nasty, numberEdges, pathsOf, RawJson, setAt, toJsonText, unicodeEdges, valid, type Schema } from "./property/json-schema";

// Property test generated from the OpenAPI document: every operation, every parameter and body field,
// fed fitting and hostile values. Zero 5xx; every 4xx is problem+json; a refused request changes no row.
// Seeded (PROPERTY_SEED replays a run), bounded in time (PROPERTY_MS, default 60 s).
const SEED = Number(process.env.PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31));
const BUDGET_MS = Number(process.env.PROPERTY_MS ?? 60_000);
const BASE = "http://localhost:3000";

type Param = { name: string; in: "path" | "query" | "header"; required?: boolean; schema: Schema };
type Op = { method: string; path: string; params: Param[]; body?: { type: string; schema: Schema } };
type Actor = "owner" | "member" | "stranger" | "anonymous" | "garbage" | "spare";
type Req = {
  op: Op;
  actor: Actor;
  pathValues: Record<string, string>;
  query: [string, string][];
  headers: Record<string, string>;
  body?:
    | { kind: "json"; text: string; contentType?: string }
    | { kind: "form"; fields: [string, string, string?][] }
    | { kind: "csv"; text: string };
};

let doc: { paths: Record<string, Record<string, any>>; components: { schemas: Record<string, Schema> } };
let ops: Op[];
let fixture: Fixture;

const resolve = (ref: string): Schema => doc.components.schemas[ref.replace("#/components/schemas/", "")] ?? {};

beforeAll(async () => {
  console.log(`[property] seed ${SEED}, budget ${BUDGET_MS} ms (replay: PROPERTY_SEED=${SEED})`);
  doc = (await api.get("/api/v1/openapi.json")).body;
  ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, o]) => {
      const content = o.requestBody?.content ?? {};
      const type = Object.keys(content)[0];
      return {
        method: method.toUpperCase(),
        path,
        params: (o.parameters ?? []) as Param[],
        body: type ? { type, schema: content[type].schema ?? {} } : undefined,
      };
    }),
  );
  fixture = await createFixture();
}, 120_000);

const realFor = (op: Op) => (field: string) => fixture.ids[`${op.path.split("/")[3]}.${field}`] ?? fixture.ids[field] ?? undefined;

// ---------------------------------------------------------------- generators

const pathNasty = fc.constantFrom(
  "\u0000",
  "a\u0000",
  "0",
  "-1",
  "99999999999999999999",
  "1e309",
  "NaN",
  "null",
  "x".repeat(3000),
  "%",
  "👩‍👩‍👧‍👦",
  "\u202Eabc",
  "ABC-99999999999",
  "ABC-0",
  "ABC--1",
  "00000000-0000-0000-0000-000000000000",
  "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
  "' or 1=1 --",
);

const cursorNasty = fc.constantFrom(
  "!!!",
  "",
  "x".repeat(1200),
  Buffer.from('["x"]').toString("base64url"),
  Buffer.from("[1e309]").toString("base64url"),
  Buffer.from('{"a":1}').toString("base64url"),
  Buffer.from("[null,null,null,null]").toString("base64url"),
  Buffer.from('["\\u0000"]').toString("base64url"),
  Buffer.from('["\\ud800","\\ud800"]').toString("base64url"),
  Buffer.from('["2020-01-01T00:00:00.000Z","not-a-uuid"]').toString("base64url"),
  Buffer.from('[99999999999999999999,"x"]').toString("base64url"),
  Buffer.from("[" + "[".repeat(3000) + "]".repeat(3000) + "]").toString("base64url"),
);

const queryNasty = fc.oneof(
  fc.constantFrom(...unicodeEdges.filter((u) => u !== "%00")),
  fc.constantFrom(...numberEdges.map((n) => (n instanceof RawJson ? n.text : String(n)))),
  fc.constantFrom("", "true", "me", "null", "[]", "x".repeat(5000), "a,b,,", "2020-13-45"),
);

/** A fitting value for a parameter (a real row where one exists), and a hostile one. */
function paramFitting(op: Op, p: Param): fc.Arbitrary<string | undefined> {
  const real = realFor(op);
  const fitting = valid(p.schema ?? {}, resolve, real, p.name).map((v) => (typeof v === "string" ? v : JSON.stringify(v)));
  if (p.in === "path") {
    const known = real(p.name);
    return known?.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: fitting }) : fitting;
  }
  return fc.option(fitting, { nil: undefined, freq: 2 });
}

function paramHostile(p: Param): fc.Arbitrary<string | undefined> {
  if (p.in === "path") return fc.oneof({ weight: 3, arbitrary: pathNasty }, { weight: 1, arbitrary: fc.uuid() });
  return p.name === "cursor" ? fc.oneof(cursorNasty, queryNasty) : queryNasty;
}

const ifMatch = fc.constantFrom(
  undefined,
  undefined,
  undefined,
  '"1"',
  '"0"',
  "*",
  '"abc"',
  'W/"2"',
  '"99999999999999999999"',
  '"-1"',
  "1",
  '"1", "2"',
  "x".repeat(5000),
  '"1e309"',
  "",
);
const idempotencyKey = fc.oneof(
  fc.constantFrom(undefined, undefined, undefined, "", " ", "k".repeat(300), "k".repeat(10_000), "é\u00ff", "key with spaces", "\t"),
  fc.uuid(),
);
const contentType = fc.constantFrom(
  undefined,
  undefined,
  undefined,
  undefined,
  "text/plain",
  "application/json; charset=utf-16",
  "application/merge-patch+json",
  "multipart/form-data",
  "",
);

const rawBodies = fc.constantFrom(
  '{"a":',
  "",
  "null",
  "[]",
  '"str"',
  "1e309",
  "[".repeat(5000) + "]".repeat(5000),
  '{"a":'.repeat(3000) + "1" + "}".repeat(3000),
  "\ufeff{}",
  '{"__proto__":{"x":1},"constructor":{"prototype":{"y":2}}}',
  "{}",
);

function jsonBody(op: Op, hostile: boolean): fc.Arbitrary<Req["body"]> {
  const fitting = valid(op.body!.schema, resolve, realFor(op));
  if (!hostile) return fitting.map((v) => ({ kind: "json" as const, text: toJsonText(v) }));
  const mutated = fc
    .tuple(
      fitting,
      fc.nat(),
      nasty(),
      fc.constantFrom("replace", "replace", "replace", "delete", "extra"),
      fc.constantFrom(...unicodeEdges, "extra", "x".repeat(300)),
    )
    .map(([value, pick, bad, how, extraKey]) => {
      const paths = pathsOf(value);
      if (how === "extra" || paths.length === 0)
        return value && typeof value === "object" && !Array.isArray(value) ? { ...value, [extraKey]: bad } : bad;
      const path = paths[pick % paths.length]!;
      return setAt(value, path, bad, how === "delete");
    });
  return fc.oneof(
    {
      weight: 8,
      arbitrary: fc.tuple(mutated, contentType).map(([v, ct]) => ({ kind: "json" as const, text: toJsonText(v), contentType: ct })),
    },
    { weight: 1, arbitrary: fc.tuple(rawBodies, contentType).map(([text, ct]) => ({ kind: "json" as const, text, contentType: ct })) },
  );
}

function formBody(op: Op): fc.Arbitrary<Req["body"]> {
  const fields = Object.keys(op.body!.schema.properties ?? { file: {} });
  const value = fc.oneof(fc.constantFrom(...unicodeEdges), fc.string({ maxLength: 20 }));
  return fc
    .array(
      fc.tuple(
        fc.constantFrom(...fields, "extra", "\u0000"),
        value,
        fc.option(fc.constantFrom("a.txt", "\u0000.txt", "\ud800.png", "x".repeat(1000), "../../etc/passwd", "𝕏.pdf"), { nil: undefined }),
      ),
      { maxLength: 3 },
    )
    .map((f) => ({ kind: "form" as const, fields: f }));
}

function csvBody(): fc.Arbitrary<Req["body"]> {
  const cell = fc.oneof(
    fc.constantFrom(...unicodeEdges),
    fc.string({ maxLength: 10 }),
    fc.constantFrom("", "urgent", "Todo", "newcomer@example.test", "P-1"),
  );
  return fc
    .tuple(
      fc.constantFrom("title", "title,priority,assignees,status", "title,\u0000", "bogus", ""),
      fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 4 }),
    )
    .map(([header, rows]) => ({
      kind: "csv" as const,
      text: [header, ...rows.map((r) => r.map((c) => JSON.stringify(c)).join(","))].join("\n"),
    }));
}

type Mode = "clean" | "path" | "query" | "body" | "headers" | "actor";

/** One aspect of the request is hostile (or none), the rest fits, so hostile values reach deep into each handler. */
function requestFor(op: Op): fc.Arbitrary<Req> {
  const path = op.params.filter((p) => p.in === "path");
  const query = op.params.filter((p) => p.in === "query");
  const isLogout = op.path.endsWith("/auth/logout");
  const modes: Mode[] = [
    "clean",
    "actor",
    "headers",
    ...(path.length ? (["path", "path"] as const) : []),
    ...(query.length ? (["query", "query"] as const) : []),
    ...(op.body ? (["body", "body", "body", "body"] as const) : []),
  ];
  return fc.constantFrom(...modes).chain((mode) => {
    const pick = <T>(aspect: Mode, fitting: fc.Arbitrary<T>, hostile: fc.Arbitrary<T>) => (mode === aspect ? hostile : fitting);
    const actor: fc.Arbitrary<Actor> = isLogout
      ? fc.constantFrom("spare", "anonymous", "garbage")
      : pick("actor", fc.constant("owner"), fc.constantFrom("member", "stranger", "anonymous", "garbage"));
    // One hostile parameter at a time (an extra unknown one counts as hostile too).
    const hostileIndex = fc.nat({ max: Math.max(0, path.length - 1) });
    const pathValues = hostileIndex.chain((h) =>
      fc.record(
        Object.fromEntries(
          path.map((p, i) => [p.name, (mode === "path" && i === h ? paramHostile(p) : paramFitting(op, p)).map((v) => v ?? "x")]),
        ),
      ),
    ) as fc.Arbitrary<Record<string, string>>;
    const queryIndex = fc.nat({ max: query.length });
    const queryPairs = queryIndex.chain((h) =>
      fc
        .tuple(
          fc.tuple(
            ...query.map((p, i) => (mode === "query" && i === h ? paramHostile(p) : paramFitting(op, p)).map((v) => [p.name, v] as const)),
          ),
          mode === "query" && h === query.length
            ? fc.tuple(fc.constantFrom("extra", "\u0000", "limit", "cursor"), queryNasty)
            : fc.constant(undefined),
        )
        .map(([pairs, extra]) => [
          ...pairs.filter((x): x is [string, string] => x[1] !== undefined),
          ...(extra ? [extra as [string, string]] : []),
        ]),
    );
    const headers = pick(
      "headers",
      fc.constant({} as Record<string, string>),
      fc
        .record({ "if-match": ifMatch, "idempotency-key": idempotencyKey })
        .map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<string, string>),
    );
    const body = op.body
      ? op.body.type === "multipart/form-data"
        ? formBody(op)
        : op.body.type.startsWith("text/")
          ? csvBody()
          : jsonBody(op, mode === "body")
      : fc.constant(undefined);
    return fc.record({ op: fc.constant(op), actor, pathValues, query: queryPairs, headers, body });
  });
}

// ---------------------------------------------------------------- running one request

function urlOf(r: Req): string {
  const path = r.op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(r.pathValues[name] ?? "x"));
  const qs = new URLSearchParams(r.query).toString();
  return qs ? `${path}?${qs}` : path;
}

function shell(s: string): string {
  return `'${s.replace(/'/g, "'\\''")}'`;
}

/** The request as a curl line (long bodies abbreviated; PROPERTY_SEED replays it exactly). */
function curl(r: Req, token: string | undefined): string {
  const parts = ["curl -i -X", r.op.method, shell(BASE + urlOf(r))];
  if (token) parts.push("-H", shell(`authorization: Bearer ${token}`));
  for (const [k, v] of Object.entries(r.headers))
    parts.push("-H", shell(`${k}: ${v.length > 200 ? `${v.slice(0, 20)}…(${v.length} chars)` : v}`));
  const b = r.body;
  if (b?.kind === "json") {
    parts.push("-H", shell(`content-type: ${b.contentType ?? "application/json"}`));
    parts.push("--data-binary", shell(b.text.length > 4000 ? `${b.text.slice(0, 200)}…(${b.text.length} chars)` : b.text));
  } else if (b?.kind === "csv") parts.push("-H", shell("content-type: text/csv"), "--data-binary", shell(b.text));
  else if (b?.kind === "form")
    for (const [k, v, file] of b.fields) parts.push("-F", shell(file ? `${k}=@-;filename=${file}` : `${k}=${v}`));
  return parts.join(" ");
}

async function tokenOf(actor: Actor): Promise<string | undefined> {
  switch (actor) {
    case "owner":
      return fixture.owner.token;
    case "member":
      return fixture.member.token;
    case "stranger":
      return fixture.stranger.token;
    case "garbage":
      return "tl_not_a_real_token_ÿ";
    case "spare":
      return spareToken(fixture);
    default:
      return undefined;
  }
}

async function send(r: Req, token: string | undefined): Promise<Response> {
  const headers: Record<string, string> = { ...r.headers };
  let rawBody: BodyInit | undefined;
  const b = r.body;
  if (b?.kind === "json") {
    if (b.contentType !== "") headers["content-type"] = b.contentType ?? "application/json";
    rawBody = b.text;
  } else if (b?.kind === "csv") {
    headers["content-type"] = "text/csv";
    rawBody = b.text;
  } else if (b?.kind === "form") {
    const form = new FormData();
    for (const [k, v, file] of b.fields) {
      if (file) form.append(k, new Blob([v], { type: "text/plain" }), file);
      else form.append(k, v);
    }
    rawBody = form;
  }
  return request(r.op.method, urlOf(r), { token, headers, rawBody, ip: "198.51.100.7" });
}

const tally = new Map<string, Map<string, number>>();
function count(r: Req, status: number, ms: number) {
  const key = `${r.op.method} ${r.op.path}`;
  const row = tally.get(key) ?? tally.set(key, new Map()).get(key)!;
  const cls = `${Math.floor(status / 100)}xx`;
  row.set(cls, (row.get(cls) ?? 0) + 1);
  row.set("ms", (row.get("ms") ?? 0) + ms);
}

// Distinct failures (one per operation and kind), each with the request that reproduces it.
const failures = new Map<string, string>();
const spent = { request: 0, fingerprint: 0, rebuilds: 0, rebuildMs: 0 };
let baseline: Record<string, string> | undefined;

async function check(r: Req): Promise<void> {
  try {
    await checkOne(r);
  } catch (error) {
    const message = (error as Error).message;
    const key = `${r.op.method} ${r.op.path}: ${message.split("\n")[0]}`;
    if (!failures.has(key)) failures.set(key, message);
    baseline = undefined;
  }
}

/** Successes that may take away a row the fixture relies on. */
function mayBreakFixture(r: Req): boolean {
  return (
    r.op.method === "DELETE" ||
    /^\/api\/v1\/(workspaces\/\{slug\}|projects\/\{projectId\}|me)$/.test(r.op.path) ||
    r.op.path.includes("/members")
  );
}

async function checkOne(r: Req): Promise<void> {
  const scope = () => ({ workspaceId: fixture.ws.id, userIds: [fixture.owner.id, fixture.member.id, fixture.stranger.id] });
  const token = await tokenOf(r.actor);
  // The state after the last refused request or read is the state before this one.
  let f0 = performance.now();
  const before = (r.actor !== "spare" && baseline) || (await fingerprint(scope()));
  spent.fingerprint += performance.now() - f0;
  baseline = undefined;
  const t0 = performance.now();
  const res = await send(r, token);
  const text = await res.text();
  count(r, res.status, Math.round(performance.now() - t0));
  spent.request += performance.now() - t0;
  const repro = () => `\n  ${curl(r, token)}\n  → ${res.status} ${text.slice(0, 300)}\n  (replay: PROPERTY_SEED=${SEED})`;
  if (res.status >= 500) throw new Error(`5xx${repro()}`);
  if (res.status >= 400) {
    const type = res.headers.get("content-type") ?? "";
    if (!type.startsWith("application/problem+json")) throw new Error(`a ${res.status} that is not problem+json (${type})${repro()}`);
    const body = JSON.parse(text) as { type?: unknown; title?: unknown; status?: unknown };
    if (typeof body.type !== "string" || typeof body.title !== "string" || body.status !== res.status)
      throw new Error(`a problem without type/title/status${repro()}`);
    f0 = performance.now();
    const after = await fingerprint(scope());
    spent.fingerprint += performance.now() - f0;
    const diff = changed(before, after);
    if (diff.length) throw new Error(`a refused request changed rows in ${diff.join(", ")}${repro()}`);
    baseline = after;
  } else if (r.op.method === "GET") {
    baseline = before;
  } else if (mayBreakFixture(r) && !(await fixtureStands(fixture))) {
    // A success took the fixture away (deleted, renamed, archived): build a fresh one.
    const b0 = performance.now();
    fixture = await createFixture();
    spent.rebuilds++;
    spent.rebuildMs += performance.now() - b0;
  }
}

describe("every operation of the OpenAPI document, fed generated input", () => {
  it(
    "answers no 5xx, refuses with problem+json, and a refusal changes no row",
    async () => {
      expect(ops.length).toBeGreaterThan(50);
      const started = Date.now();
      let runs = 0;
      const arb = fc.oneof(...ops.map((op) => requestFor(op)));
      // Every request runs (a failure is recorded, not shrunk), so one run reports every failing operation.
      await fc.assert(
        fc.asyncProperty(arb, async (r) => {
          runs++;
          await check(r);
        }),
        { seed: SEED, numRuns: 1_000_000, interruptAfterTimeLimit: BUDGET_MS, markInterruptAsFailure: false },
      );
      const covered = [...tally.keys()].length;
      console.log(
        `[property] ${runs} requests over ${covered}/${ops.length} operations in ${Math.round((Date.now() - started) / 1000)} s (seed ${SEED})`,
      );
      console.log(
        `[property] time in requests ${Math.round(spent.request)} ms, fingerprints ${Math.round(spent.fingerprint)} ms, ${spent.rebuilds} fixture rebuilds ${Math.round(spent.rebuildMs)} ms`,
      );
      if (process.env.PROPERTY_VERBOSE) console.table(Object.fromEntries([...tally].map(([k, v]) => [k, Object.fromEntries(v)])));
      expect(runs).toBeGreaterThan(ops.length);
      const report = [...failures.values()].map((m, i) => `${i + 1}. ${m}`).join("\n\n");
      expect(failures.size, `${failures.size} failing operation(s), seed ${SEED}:\n\n${report}`).toBe(0);
    },
    BUDGET_MS + 120_000,
  );
});
