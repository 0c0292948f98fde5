// Service errors carry a code; the HTTP layer maps codes to statuses in one table.
export type ServiceErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PRECONDITION_FAILED"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "VALIDATION"
  | "RATE_LIMITED"
  | "UNAVAILABLE";

export type FieldError = { path: string; message: string };

export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    readonly extra: {
      errors?: FieldError[];
      retryAfterSeconds?: number;
      /** A specific problem type (slug) clients can act on. */ type?: string;
    } = {},
  ) {
    super(message);
    this.name = "ServiceError";
  }
}

export class NotFoundError extends ServiceError {
  constructor(what = "Resource") {
    super("NOT_FOUND", `${what} not found`);
  }
}

export class ForbiddenError extends ServiceError {
  constructor(message = "You are not allowed to do this") {
    super("FORBIDDEN", message);
  }
}

export class UnauthenticatedError extends ServiceError {
  constructor(message = "Authentication required") {
    super("UNAUTHENTICATED", message);
  }
}

export class ConflictError extends ServiceError {
  constructor(message: string) {
    super("CONFLICT", message);
  }
}

export class PreconditionFailedError extends ServiceError {
  constructor(message = "The resource has changed since you read it") {
    super("PRECONDITION_FAILED", message);
  }
}

export class ValidationError extends ServiceError {
  constructor(errors: FieldError[], message = "Validation failed") {
    super("VALIDATION", message, { errors });
  }
}

export class RateLimitedError extends ServiceError {
  constructor(retryAfterSeconds: number, message = "Too many requests") {
    super("RATE_LIMITED", message, { retryAfterSeconds });
  }
}

/** An outside service (object storage, say) cannot be reached: 503 with Retry-After; nothing was changed. */
export class ServiceUnavailableError extends ServiceError {
  constructor(message: string, retryAfterSeconds = 30) {
    super("UNAVAILABLE", message, { retryAfterSeconds });
  }
}

export function fieldError(path: string, message: string): ValidationError {
  return new ValidationError([{ path, message }]);
}

/** Postgres unique violation (23505), from either driver. */
export function isUniqueViolation(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && depth < 4; depth++) {
    if (typeof e === "object" && "code" in e && (e as { code?: unknown }).code === "23505") return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

// Connection-level failures (PostgreSQL down, restarting or unreachable, or another backing service refusing
// connections): not the request's fault and gone once the service is back, so the HTTP layer answers 503
// with Retry-After instead of 500.
const UNAVAILABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
// SQLSTATE class 08 (connection exception), 57P01-57P03 (shut down / starting up), 53300 (too many connections).
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;
// node-postgres raises these as plain errors without a code.
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed)/;

/** True when the error (or what it wraps: drizzle's query errors, fetch's causes) is a connection failure. */
export function isBackendUnavailable(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
    if (e instanceof AggregateError && e.errors.some(isBackendUnavailable)) return true;
    const cause = (e as { cause?: unknown }).cause;
    // Only the innermost message: a wrapper's message may quote the query and its parameters.
    const message = (e as { message?: unknown }).message;
    if (cause === undefined && typeof message === "string" && UNAVAILABLE_MESSAGE.test(message)) return true;
    e = cause;
  }
  return false;
}
