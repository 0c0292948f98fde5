import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { Problem } from "./common";
import type { Operation } from "./define";
import { operations } from "./index";
import { registerWebhooks } from "./webhooks-document";

const descriptions: Record<number, string> = {
  400: "Malformed JSON, cursor or header",
  401: "No or invalid credentials",
  403: "Authenticated but not allowed",
  404: "Not found, or not visible to you",
  409: "Conflict",
  412: "If-Match is stale: the resource changed since you read it",
  413: "Body too large",
  415: "Wrong content type",
  422: "Validation failed",
  429: "Rate limited; see Retry-After",
};

function operationId(op: Operation): string {
  const words = op.path
    .replace(/^\/api\/(v1\/)?/, "")
    .split(/[/{}.-]+/)
    .filter(Boolean);
  return [op.method.toLowerCase(), ...words.map((w) => w[0]!.toUpperCase() + w.slice(1))].join("");
}

function register(registry: OpenAPIRegistry, op: Operation): void {
  const headers: Record<string, z.ZodType> = {};
  if (op.idempotent)
    headers["Idempotency-Key"] = z
      .string()
      .max(255)
      .optional()
      .meta({ description: "Retries with the same key and body return the first response (kept 24 h)" });
  if (op.versioned && (op.method === "PATCH" || op.method === "DELETE"))
    headers["If-Match"] = z.string().optional().meta({ description: 'The version you read, as an entity tag: "3"' });
  // The route helper answers 413 to any oversized body and 429 on every /api/v1 route.
  const problems = [
    ...new Set([...(op.errors ?? []), ...(op.body || op.multipart ? [413] : []), ...(op.path.startsWith("/api/v1") ? [429] : [])]),
  ].sort();
  const success =
    op.status === 204
      ? { description: "No content" }
      : op.produces && op.produces !== "application/json"
        ? { description: "OK", content: { [op.produces]: { schema: { type: "string" } } } }
        : {
            description: "OK",
            content: { "application/json": { schema: op.response ?? z.object({}).loose() } },
            ...(op.versioned ? { headers: { ETag: { description: 'The version: "3"', schema: { type: "string" } } } } : {}),
          };
  registry.registerPath({
    method: op.method.toLowerCase() as "get",
    path: op.path,
    operationId: operationId(op),
    summary: op.summary,
    tags: [op.tag],
    security: op.auth === "required" ? [{ bearerAuth: [] }, { sessionCookie: [] }] : [],
    request: {
      ...(op.params ? { params: op.params as z.ZodObject } : {}),
      ...(op.query ? { query: op.query as z.ZodObject } : {}),
      ...(Object.keys(headers).length ? { headers: z.object(headers) } : {}),
      ...(op.body && !op.multipart ? { body: { required: true, content: { "application/json": { schema: op.body } } } } : {}),
      ...(op.multipart
        ? {
            body: {
              required: true,
              content: { "multipart/form-data": { schema: op.body ?? z.object({ file: z.string().meta({ format: "binary" }) }) } },
            },
          }
        : {}),
    },
    responses: {
      [op.status]: success,
      ...Object.fromEntries(
        (op.alternatives ?? []).map((a) => [
          a.status,
          { description: a.description, ...(a.schema ? { content: { "application/json": { schema: a.schema } } } : {}) },
        ]),
      ),
      ...Object.fromEntries(
        problems.map((s) => [s, { description: descriptions[s] ?? "Error", content: { "application/problem+json": { schema: Problem } } }]),
      ),
    },
  });
}

let cached: ReturnType<OpenApiGeneratorV31["generateDocument"]> | undefined;

export function openApiDocument(serverUrl: string) {
  if (!cached) {
    const registry = new OpenAPIRegistry();
    registry.registerComponent("securitySchemes", "bearerAuth", {
      type: "http",
      scheme: "bearer",
      description: "A login token (POST /api/v1/auth/login) or a personal access token",
    });
    registry.registerComponent("securitySchemes", "sessionCookie", {
      type: "apiKey",
      in: "cookie",
      name: "authjs.session-token",
      description: "The browser session",
    });
    for (const op of operations) register(registry, op);
    registerWebhooks(registry);
    cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
      openapi: "3.1.0",
      info: {
        title: "Tasklane API",
        version: "1.0.0",
        description:
          "The public REST API of Tasklane. Errors are application/problem+json (RFC 9457). Lists are keyset-paginated: pass nextCursor back as cursor. Creates accept Idempotency-Key; versioned resources answer with ETag and honour If-Match.",
      },
      servers: [{ url: "/" }],
    });
  }
  return { ...cached, servers: [{ url: serverUrl }] };
}
