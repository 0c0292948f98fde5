import type { FieldError, ServiceErrorCode } from "../errors";

// RFC 9457 problem details; one table maps service error codes to statuses.
export const statusFor: Record<ServiceErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

const titles: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  412: "Precondition failed",
  413: "Payload too large",
  415: "Unsupported media type",
  422: "Validation failed",
  429: "Too many requests",
  500: "Internal server error",
  503: "Service unavailable",
};

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId: string;
  errors?: FieldError[];
};

export function problem(
  status: number,
  detail: string,
  requestId: string,
  extra: { errors?: FieldError[]; headers?: Record<string, string>; type?: string } = {},
): Response {
  const title = titles[status] ?? "Error";
  const body: Problem = {
    type: `https://tasklane.dev/problems/${extra.type ?? title.toLowerCase().replace(/\s+/g, "-")}`,
    title,
    status,
    detail,
    requestId,
    ...(extra.errors ? { errors: extra.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", "x-request-id": requestId, ...extra.headers },
  });
}

/** zod issues → `[{ path: "assigneeIds.0", message }]` */
export function fieldErrors(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>, prefix = ""): FieldError[] {
  return issues.map((i) => ({ path: [prefix, ...i.path.map(String)].filter(Boolean).join("."), message: i.message }));
}
