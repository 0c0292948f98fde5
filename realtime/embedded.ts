import type { RealtimeSink } from "@/server/events/sink";
import { startRealtimeServer, type RealtimeServer } from "./server";

/** The embedded default: Socket.IO inside the app's process, fed directly by the dispatcher. */
export async function startEmbeddedRealtime(port: number): Promise<{ server: RealtimeServer; sink: RealtimeSink }> {
  const server = await startRealtimeServer({ port });
  const sink: RealtimeSink = {
    publishEvent: async (message) => server.gateway.deliver(message),
    publishToUser: async (userId, event, body) => {
      server.io.to(`user:${userId}`).emit(event, body);
    },
  };
  return { server, sink };
}
