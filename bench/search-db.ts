// `npx tsx bench/search-db.ts seed [--scale 1m]`: seeds a kept bench database (no app, no build)
// and prints its name, so the search scenario can be measured against it again and again
// (`npm run bench -- --only search --reuse-db <name>`, or bench/search-sql.ts without a build).
import { parseOptions, SCALE_TASKS } from "./lib/config";
import { createBenchDatabase, migrateDatabase } from "./lib/database";
import { seedDataset } from "./seed";

const log = (m: string) => console.log(`[seed ${new Date().toISOString().slice(11, 19)}] ${m}`);

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const db = await createBenchDatabase(opts.databaseUrl);
  log(`database ${db.name}; scale ${opts.scale}`);
  await migrateDatabase(db.url);
  await seedDataset(db.url, SCALE_TASKS[opts.scale], async (tasks) => log(`data set: ${tasks} tasks`), log);
  log(`kept database ${db.name} (drop it with: psql -c 'drop database ${db.name}')`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
