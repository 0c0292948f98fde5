// `npm run worker` / `node worker.mjs` in the release image: the background worker's entry point.
import { startWorkerProcess } from "./worker";

startWorkerProcess().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
