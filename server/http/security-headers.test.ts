import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "./security-headers";

const base = { nonce: "abc123", appUrl: "http://localhost:3000", realtimeUrl: "http://localhost:3001", development: false };

describe("security headers", () => {
  it("allows scripts only by nonce, never inline, and forbids framing", () => {
    const csp = contentSecurityPolicy(base);
    const scripts = /script-src ([^;]+)/.exec(csp)![1]!;
    expect(scripts).toContain("'nonce-abc123'");
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("unsafe-inline");
    expect(scripts).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });
  it("lets the page reach the realtime sidecar over http and websocket", () => {
    expect(contentSecurityPolicy(base)).toMatch(/connect-src 'self' http:\/\/localhost:3001 ws:\/\/localhost:3001/);
    expect(contentSecurityPolicy({ ...base, realtimeUrl: "https://rt.example.com" })).toContain("wss://rt.example.com");
  });
  it("sends HSTS and upgrade-insecure-requests only when APP_URL is https", () => {
    expect(securityHeaders(base)["Strict-Transport-Security"]).toBeUndefined();
    const https = securityHeaders({ ...base, appUrl: "https://tasks.example.com" });
    expect(https["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
    expect(https["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
    expect(https["X-Content-Type-Options"]).toBe("nosniff");
    expect(https["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(https["Permissions-Policy"]).toContain("camera=()");
  });
  it("gives attachment downloads a sandbox that runs nothing", () => {
    expect(securityHeaders(base, "/api/v1/attachments/0b6f5f0e-8f1e-4a57-9d56-3f1c2b8f9a10")["Content-Security-Policy"]).toBe(
      "default-src 'none'; sandbox; frame-ancestors 'none'",
    );
    expect(securityHeaders(base, "/api/v1/tasks/ENG-1/attachments")["Content-Security-Policy"]).toContain("'nonce-abc123'");
  });
  it("allows eval only in development", () => {
    expect(contentSecurityPolicy({ ...base, development: true })).toContain("'unsafe-eval'");
  });
});
