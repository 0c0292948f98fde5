// `npm run realtime`: the Socket.IO sidecar's entry point; its start-up lives with the web process's in startup/.
import { startRealtimeSidecar } from "@/startup/sidecar";

startRealtimeSidecar().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
