import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit tests: pure logic beside the code, no database.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["{config,server,db,realtime,components}/**/*.test.ts", "tests/lint/**/*.test.ts", "bench/lib/**/*.test.ts"],
    exclude: ["**/*.integration.test.ts", "node_modules/**"],
    // Tests play the one proxy in front of the app: the helper's X-Forwarded-For is its entry.
    env: { LOG_LEVEL: "silent", NODE_ENV: "test", TRUSTED_PROXIES: "1" },
  },
});
