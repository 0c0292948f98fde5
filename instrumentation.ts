// Runs once per server process: fail fast on bad settings and migrate before the first request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerRuntime } = await import("./startup/web");
  await startServerRuntime();
}
