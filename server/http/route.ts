import { z } from "zod";
import { createContext, type ServiceContext } from "../context";
import { isBackendUnavailable, ServiceError } from "../errors";
import { logger } from "@/config/log";
import { metrics } from "../metrics";
import { consume, limiter } from "../rate-limit";
import { resolveActor } from "../auth/resolve-actor";
import { settings } from "@/config/settings";
import type { Operation } from "../operations/define";
import { fieldErrors, problem, statusFor } from "./problem";
import { clientIp, parseIfMatch, requestIdOf, UNKNOWN_IP, userAgentOf } from "./request";
import { bodyFingerprint, requestHash, withIdempotency } from "./idempotency";
import { readBody } from "./body";
import { assertStorable } from "../text/storable";
import { dataException } from "../text/data-exception";

type Infer<T> = z.infer<NonNullable<T> & z.ZodType>;

export type HandlerArgs<O extends Operation> = {
  ctx: ServiceContext;
  params: Infer<O["params"]>;
  query: Infer<O["query"]>;
  body: Infer<O["body"]>;
  form: FormData | undefined;
  ifMatch: number | undefined;
  req: Request;
};

/** A handler may answer with a different status or headers than the operation's default. */
export class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/** parse → authenticate → rate-limit → call the service → map the result or the error. */
export function route<O extends Operation>(op: O, handler: (args: HandlerArgs<O>) => Promise<unknown>) {
  return async (req: Request, routeCtx: RouteContext): Promise<Response> => {
    const requestId = requestIdOf(req);
    const started = performance.now();
    const log = logger().child({ requestId, method: req.method, path: op.path });
    let response: Response;
    // Filled once the request is counted, so errors carry the RateLimit-* headers too.
    const rateHeaders: Record<string, string> = {};
    try {
      response = await handle(op, handler, req, routeCtx, requestId, rateHeaders);
    } catch (error) {
      response = toProblem(error, requestId, log);
    }
    for (const [k, v] of Object.entries(rateHeaders)) response.headers.set(k, v);
    response.headers.set("x-request-id", requestId);
    const seconds = (performance.now() - started) / 1000;
    metrics().requests.inc({ method: req.method, route: op.path, status: String(response.status) });
    metrics().duration.observe({ method: req.method, route: op.path }, seconds);
    log.info({ status: response.status, ms: Math.round(seconds * 1000) }, "request");
    return response;
  };
}

async function handle<O extends Operation>(
  op: O,
  handler: (args: HandlerArgs<O>) => Promise<unknown>,
  req: Request,
  routeCtx: RouteContext,
  requestId: string,
  rateHeaders: Record<string, string>,
): Promise<Response> {
  const ip = clientIp(req);
  const { actor, presented } = await resolveActor(req);
  // Every caller counts per IP, signed-in callers per user too; also when about to be refused.
  await rateLimit(actor.kind === "user" || actor.kind === "token" ? actor.userId : null, ip, rateHeaders);
  if (op.auth === "required" && actor.kind === "anonymous") {
    throw new ServiceError(
      "UNAUTHENTICATED",
      presented ? "The token or session is invalid, expired or revoked" : "Send a bearer token or sign in",
    );
  }

  const rawParams = await routeCtx.params;
  // Text PostgreSQL cannot store is refused here, for every path segment, query parameter and body field alike.
  assertStorable(rawParams, "The path");
  const searchParams = new URL(req.url).searchParams;
  assertStorable(searchParams, "The query string");
  const params = op.params ? op.params.safeParse(rawParams) : { success: true as const, data: undefined };
  if (!params.success) throw new ServiceError("NOT_FOUND", "Not found");

  const query = op.query ? op.query.safeParse(queryObject(searchParams)) : { success: true as const, data: undefined };
  if (!query.success) throw new ServiceError("VALIDATION", "The query string is invalid", { errors: fieldErrors(query.error.issues) });

  const { body, form, text } = await readBody(op, req);

  const ifMatch = parseIfMatch(req.headers.get("if-match"));
  if (Number.isNaN(ifMatch)) throw new ServiceError("BAD_REQUEST", 'If-Match must be an entity tag such as "3"');

  const ctx = createContext(actor, { requestId, ip, userAgent: userAgentOf(req) });
  const run = async () => {
    const result = await handler({ ctx, params: params.data, query: query.data, body, form, ifMatch, req } as HandlerArgs<O>);
    return toResponse(op, result);
  };
  const key = req.headers.get("idempotency-key");
  const response =
    op.idempotent && key !== null && (actor.kind === "user" || actor.kind === "token" || op.auth === "public")
      ? await withIdempotency({
          callerKey: actor.kind === "user" || actor.kind === "token" ? actor.userId : `ip:${ip}`,
          key,
          hash: requestHash(req.method, new URL(req.url).pathname + new URL(req.url).search, await bodyFingerprint(text, form, req)),
          now: ctx.now,
          run,
        })
      : await run();
  return response;
}

async function rateLimit(userId: string | null, ip: string, headers: Record<string, string>): Promise<void> {
  const s = settings();
  // An unknown address (no trusted proxy named it) is not a bucket: pooled, one caller would spend everyone's.
  const states = await Promise.all([
    ...(ip !== UNKNOWN_IP ? [consume(limiter("api-ip", s.RATE_LIMIT_PER_IP_PER_MINUTE, 60), ip, { lease: true })] : []),
    ...(userId ? [consume(limiter("api", s.RATE_LIMIT_PER_MINUTE, 60), userId, { lease: true })] : []),
  ]);
  if (states.length === 0) return;
  // The headers describe the limit closest to refusing.
  const tightest = states.reduce((a, b) => (b.remaining < a.remaining || (!b.allowed && a.allowed) ? b : a));
  Object.assign(headers, {
    "RateLimit-Limit": String(tightest.limit),
    "RateLimit-Remaining": String(tightest.remaining),
    "RateLimit-Reset": String(tightest.resetSeconds),
  });
  const refused = states.filter((st) => !st.allowed);
  if (refused.length) {
    throw new ServiceError("RATE_LIMITED", "Rate limit exceeded", { retryAfterSeconds: Math.max(...refused.map((st) => st.resetSeconds)) });
  }
}

function toResponse(op: Operation, result: unknown): Response {
  if (result instanceof Response) return result;
  const reply = result instanceof Reply ? result : new Reply(op.status, result);
  if (reply.status === 204) return new Response(null, { status: 204, headers: reply.headers });
  const schema = reply.status === op.status ? op.response : op.alternatives?.find((a) => a.status === reply.status)?.schema;
  const skip = op.shapedByService && settings().NODE_ENV === "production";
  const body = schema && !skip ? schema.parse(reply.body) : reply.body;
  const headers: Record<string, string> = { "content-type": "application/json", ...reply.headers };
  const version = (body as { version?: unknown } | null)?.version;
  if (op.versioned && typeof version === "number") headers.etag = `"${version}"`;
  return new Response(JSON.stringify(body), { status: reply.status, headers });
}

/** What a 503 tells the client to wait: about how long a PostgreSQL restart or failover takes. */
const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

function toProblem(error: unknown, requestId: string, log: ReturnType<typeof logger>): Response {
  if (error instanceof ServiceError) {
    const status = statusFor[error.code];
    const headers: Record<string, string> = { ...((error as { headers?: Record<string, string> }).headers ?? {}) };
    if (error.extra.retryAfterSeconds !== undefined) headers["retry-after"] = String(error.extra.retryAfterSeconds);
    return problem(status, error.message, requestId, { errors: error.extra.errors, headers, type: error.extra.type });
  }
  if (error instanceof z.ZodError) {
    // A service re-validating input it was handed: still the caller's mistake.
    return problem(422, "Validation failed", requestId, { errors: fieldErrors(error.issues) });
  }
  if (isBackendUnavailable(error)) {
    // PostgreSQL (or another backing service) is down or restarting: the client may retry; nothing half-done
    // was acknowledged (writes commit in one transaction or not at all).
    log.warn({ err: (error as Error).message }, "backing service unavailable");
    return problem(503, "A backing service is unavailable (the database is restarting?); retry shortly", requestId, {
      headers: { "retry-after": String(UNAVAILABLE_RETRY_AFTER_SECONDS) },
    });
  }
  const refused = dataException(error);
  if (refused) {
    // A backstop: input the checks above let through and PostgreSQL refused (class 22). Still a bug to fix upstream.
    log.warn({ err: error }, "input refused by the database");
    return problem(422, refused, requestId);
  }
  log.error({ err: error }, "unhandled error");
  return problem(500, "Internal server error; quote the request id when reporting it", requestId);
}

/** The query string as an object; `cf.<fieldId>=…` (custom field filters) nest under `cf`. */
function queryObject(searchParams: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of searchParams) {
    if (key.startsWith("cf."))
      out.cf = { ...(typeof out.cf === "object" ? (out.cf as Record<string, string>) : {}), [key.slice(3)]: value };
    else out[key] = value;
  }
  return out;
}
