import path from "node:path";
import { defineConfig } from "vitest/config";

// Integration tests: real route handlers on a real database (PostgreSQL when DATABASE_URL is set, else PGlite).
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/integration/**/*.integration.test.ts"],
    globalSetup: ["tests/setup/global-database.ts"],
    setupFiles: ["tests/setup/worker.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Tests play the one proxy in front of the app: the helper's X-Forwarded-For is its entry.
    env: { LOG_LEVEL: "silent", NODE_ENV: "test", TRUSTED_PROXIES: "1" },
  },
});
