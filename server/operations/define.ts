import type { z } from "zod";

// An operation is the single description of one endpoint: the route helper
// validates with its schemas and the OpenAPI document is generated from them.
export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type Operation<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> = {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  auth: "required" | "public";
  params?: P;
  query?: Q;
  body?: B;
  /** multipart/form-data upload instead of a JSON body; `body` then documents the fields. */
  multipart?: boolean;
  response?: R;
  /** The success status; 204 has no body. */
  status: 200 | 201 | 202 | 204;
  /** Other successes documented beside the main one. */
  alternatives?: { status: number; description: string; schema?: z.ZodType }[];
  /** Accepts Idempotency-Key; defaults to true for a POST answering 201 (a create). */
  idempotent?: boolean;
  /** Honours If-Match and answers with an ETag. */
  versioned?: boolean;
  /**
   * The service already answers exactly `response`'s shape (e.g. built in SQL), so production skips
   * re-parsing a large body; elsewhere (tests, dev) it is still parsed, so drift fails the tests.
   */
  shapedByService?: boolean;
  /** Non-JSON success (file download, CSV, HTML). */
  produces?: string;
  errors?: number[];
};

export function defineOperation<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  op: Operation<P, Q, B, R>,
): Operation<P, Q, B, R> {
  // The contract: every POST that creates accepts Idempotency-Key, so it is the default there.
  return { ...op, idempotent: op.idempotent ?? (op.method === "POST" && op.status === 201) };
}
