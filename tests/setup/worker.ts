import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";

// Each worker gets its own data directory: PGlite files, uploads, the embedded secret.
process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), "tasklane-test-"));
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
process.env.RATE_LIMIT_PER_MINUTE ??= "100000";
process.env.RATE_LIMIT_PER_IP_PER_MINUTE ??= "1000000";

// Open (and on PGlite, migrate) the database before the first test, outside its timeout.
beforeAll(async () => {
  const { database } = await import("@/db/client");
  await database();
}, 180_000);

afterAll(async () => {
  const { closeDatabase } = await import("@/db/client");
  const { closeRedis } = await import("@/server/redis");
  await closeDatabase();
  await closeRedis();
});
