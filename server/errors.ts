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
  | "RATE_LIMITED";

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
