import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit tests: pure logic beside the code, no database.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["{config,server,db,realtime,components}/**/*.test.ts", "tests/lint/**/*.test.ts", "bench/lib/**/*.test.ts"],
    exclude: ["**/*.integration.test.ts", "node_modules/**"],
    env: { LOG_LEVEL: "silent", NODE_ENV: "test" },
  },
});
