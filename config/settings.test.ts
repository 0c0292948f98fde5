import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseSettings } from "./settings";

const dataDir = () => mkdtempSync(path.join(tmpdir(), "tasklane-settings-"));

describe("settings", () => {
  it("needs nothing in the embedded default, and keeps one generated secret", () => {
    const DATA_DIR = dataDir();
    const a = parseSettings({ DATA_DIR });
    expect(a.DATABASE_URL).toBeUndefined();
    expect(a.REALTIME_PORT).toBe(3001);
    expect(a.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(parseSettings({ DATA_DIR }).AUTH_SECRET).toBe(a.AUTH_SECRET);
  });
  it("stops start-up naming the bad variable", () => {
    expect(() => parseSettings({ DATA_DIR: dataDir(), REALTIME_PORT: "not-a-port" })).toThrow(/REALTIME_PORT/);
    expect(() => parseSettings({ DATA_DIR: dataDir(), DATABASE_URL: "nope" })).toThrow(/DATABASE_URL/);
    expect(() => parseSettings({ DATA_DIR: dataDir(), ALLOW_SIGNUP: "maybe" })).toThrow(/ALLOW_SIGNUP/);
  });
  it("requires AUTH_SECRET in production with a real database", () => {
    expect(() => parseSettings({ NODE_ENV: "production", DATABASE_URL: "postgres://x@localhost/db", DATA_DIR: dataDir() })).toThrow(
      /AUTH_SECRET/,
    );
  });
});
