import path from "node:path";
import { defineConfig } from "vitest/config";

// `npm run test:release`: the release artifacts as separate processes (tests/release; see the README's "Release").
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/release/**/*.release.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 15 * 60_000,
    pool: "forks",
    fileParallelism: false,
  },
});
