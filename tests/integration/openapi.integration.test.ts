import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, it } from "vitest";
import { eventTypes } from "@/server/events/catalog";
import { api, loadRoute, routes } from "../helpers/app";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
// Not the public API: next-auth's endpoints serve the browser session; the benchmark's framework
// floor answers 404 unless BENCH_FLOOR=true.
const internal = (path: string) => path.startsWith("/api/auth/") || path.startsWith("/api/bench/");

describe("OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const res = await api.get("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    await expect(SwaggerParser.validate(structuredClone(res.body))).resolves.toBeTruthy();
  });

  it("describes every route the app serves, and nothing it does not", async () => {
    const doc = (await api.get("/api/v1/openapi.json")).body as { paths: Record<string, Record<string, unknown>> };
    const served: string[] = [];
    for (const route of routes.filter((r) => !internal(r.openapiPath))) {
      const mod = await loadRoute(route.file);
      for (const m of METHODS) if (typeof mod[m] === "function") served.push(`${m} ${route.openapiPath}`);
    }
    const documented = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`));
    expect(served.length).toBeGreaterThan(10);
    expect(documented.sort()).toEqual(served.sort());
  });

  it("documents every webhook event type under webhooks, from the event catalog", async () => {
    const doc = (await api.get("/api/v1/openapi.json")).body;
    expect(Object.keys(doc.webhooks).sort()).toEqual([...eventTypes].sort());
    for (const type of eventTypes) {
      const post = doc.webhooks[type].post;
      const ref: string = post.requestBody.content["application/json"].schema.$ref;
      const envelope = doc.components.schemas[ref.split("/").pop()!];
      expect(envelope.properties.type.enum).toEqual([type]);
      expect(envelope.required).toEqual(expect.arrayContaining(["id", "type", "createdAt", "data"]));
      expect(post.parameters.map((p: { name: string }) => p.name)).toContain("X-Signature");
    }
    const docs = await api.get("/api/docs");
    for (const type of eventTypes) expect(docs.body).toContain(`<code>${type}</code>`);
  });

  it("documents problem responses and auth on protected operations", async () => {
    const doc = (await api.get("/api/v1/openapi.json")).body;
    const me = doc.paths["/api/v1/me"].get;
    expect(me.security).toEqual([{ bearerAuth: [] }, { sessionCookie: [] }]);
    expect(me.responses["401"].content["application/problem+json"]).toBeDefined();
  });

  it("renders docs listing every operation", async () => {
    const doc = (await api.get("/api/v1/openapi.json")).body as { paths: Record<string, Record<string, unknown>> };
    const res = await api.get("/api/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of Object.keys(item)) {
        expect(res.body).toContain(`<span class="m ${method}">${method.toUpperCase()}</span> <code>${path.replace(/&/g, "&amp;")}</code>`);
      }
    }
  });
});

describe("health", () => {
  it("answers liveness and readiness", async () => {
    expect((await api.get("/api/health")).body).toEqual({ status: "ok" });
    const ready = await api.get("/api/ready");
    expect(ready.status).toBe(200);
    expect(ready.body.checks.database).toBe("ok");
  });

  it("serves Prometheus metrics", async () => {
    await api.get("/api/health");
    const res = await api.get("/api/metrics");
    expect(res.status).toBe(200);
    expect(res.body).toContain("http_requests_total");
  });
});
