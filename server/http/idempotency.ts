import { createHash } from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import { idempotencyKeys } from "@/db/schema";
import { database } from "@/db/client";
import { ConflictError, ServiceError } from "../errors";

const TTL_MS = 24 * 3_600_000;
const KEPT_HEADERS = ["etag", "location", "content-type"];

export function requestHash(method: string, path: string, body: string): string {
  return createHash("sha256").update(`${method}\n${path}\n${body}`).digest("hex");
}

/**
 * What "the same body" means: the JSON text; for multipart each field, files by name, type and
 * digest (clients pick a new boundary per request); else the raw bytes a handler will read itself.
 */
export async function bodyFingerprint(text: string | undefined, form: FormData | undefined, req: Request): Promise<string> {
  if (text !== undefined) return text;
  if (!form) return req.bodyUsed ? "" : req.clone().text();
  const parts: string[] = [];
  for (const [name, value] of form.entries()) {
    const digest =
      typeof value === "string"
        ? value
        : `${value.name};${value.type};${createHash("sha256")
            .update(new Uint8Array(await value.arrayBuffer()))
            .digest("hex")}`;
    parts.push(`${name}=${digest}`);
  }
  return parts.join("\n");
}

/**
 * Runs a create at most once per (caller, key): a retry with the same body gets the first
 * response back, the same key with another body is a conflict. The key is claimed before
 * the work starts, so two concurrent retries cannot both create.
 */
export async function withIdempotency(args: {
  callerKey: string;
  key: string;
  hash: string;
  now: Date;
  run: () => Promise<Response>;
}): Promise<Response> {
  if (args.key.length === 0 || args.key.length > 255)
    throw new ServiceError("VALIDATION", "Idempotency-Key must be 1–255 characters", {
      errors: [{ path: "Idempotency-Key", message: "must be 1–255 characters" }],
    });
  const db = await database();
  await db
    .delete(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.callerKey, args.callerKey),
        eq(idempotencyKeys.key, args.key),
        lt(idempotencyKeys.createdAt, new Date(args.now.getTime() - TTL_MS)),
      ),
    );
  const claimed = await db
    .insert(idempotencyKeys)
    .values({ callerKey: args.callerKey, key: args.key, requestHash: args.hash, createdAt: args.now })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed.length === 0) return replay(args);
  let response: Response;
  try {
    response = await args.run();
  } catch (error) {
    await release(args);
    throw error;
  }
  if (response.status >= 300) {
    await release(args);
    return response;
  }
  const text = await response.clone().text();
  const headers = Object.fromEntries(KEPT_HEADERS.flatMap((h) => (response.headers.get(h) ? [[h, response.headers.get(h)!]] : [])));
  await db
    .update(idempotencyKeys)
    .set({ status: response.status, body: text ? (JSON.parse(text) as unknown) : null, headers })
    .where(and(eq(idempotencyKeys.callerKey, args.callerKey), eq(idempotencyKeys.key, args.key)));
  return response;
}

async function release(args: { callerKey: string; key: string }): Promise<void> {
  const db = await database();
  await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.callerKey, args.callerKey), eq(idempotencyKeys.key, args.key)));
}

async function replay(args: { callerKey: string; key: string; hash: string }): Promise<Response> {
  const db = await database();
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.callerKey, args.callerKey), eq(idempotencyKeys.key, args.key)));
  if (!row) throw new ConflictError("This Idempotency-Key was just released; retry the request");
  if (row.requestHash !== args.hash) throw new ConflictError("This Idempotency-Key was used with a different request");
  if (row.status === null) throw new ConflictError("A request with this Idempotency-Key is still in progress");
  return new Response(row.body === null ? null : JSON.stringify(row.body), {
    status: row.status,
    headers: { ...(row.headers ?? {}), "idempotent-replayed": "true" },
  });
}
