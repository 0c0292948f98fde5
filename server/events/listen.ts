import type { PGlite } from "@electric-sql/pglite";
import { database } from "@/db/client";
import { logger } from "@/config/log";
import { settings } from "@/config/settings";
import { EVENTS_CHANNEL } from "./channel";

export type StopListening = () => Promise<void>;

/**
 * Calls onCommit(projectId) whenever a transaction that recorded events commits (Postgres NOTIFY).
 * onCommit("") means "notifications may have been missed" (after a reconnect): look everywhere.
 */
export async function listenForEvents(onCommit: (projectId: string) => void): Promise<StopListening> {
  const url = settings().DATABASE_URL;
  if (!url) {
    const client = ((await database()) as unknown as { $client: PGlite }).$client;
    return client.listen(EVENTS_CHANNEL, (payload) => onCommit(payload));
  }
  return listenPostgres(url, onCommit);
}

// A dedicated connection (LISTEN does not work through a pool), re-opened whenever it drops.
async function listenPostgres(url: string, onCommit: (projectId: string) => void): Promise<StopListening> {
  const { Client } = await import("pg");
  let stopped = false;
  let current: InstanceType<typeof Client> | undefined;
  const loop = async () => {
    while (!stopped) {
      const client = new Client({ connectionString: url });
      current = client;
      const closed = new Promise<void>((resolve) => {
        client.on("error", (err) => {
          if (!stopped) logger().warn({ err: err.message }, "event listener connection lost; reconnecting");
          resolve();
        });
        client.on("end", () => resolve());
      });
      client.on("notification", (msg) => onCommit(msg.payload ?? ""));
      try {
        await client.connect();
        await client.query(`LISTEN ${EVENTS_CHANNEL}`);
        onCommit("");
        await closed;
      } catch (err) {
        if (!stopped) logger().warn({ err: (err as Error).message }, "event listener could not connect");
      }
      await client.end().catch(() => undefined);
      if (!stopped) await new Promise((r) => setTimeout(r, 1000));
    }
  };
  void loop();
  return async () => {
    stopped = true;
    await current?.end().catch(() => undefined);
  };
}
