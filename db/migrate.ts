// `npm run db:migrate`: applies migrations to DATABASE_URL (or the embedded PGlite) and exits.
import { closeDatabase, database } from "./client";

await database();
await closeDatabase();
console.log("Migrations applied.");
