import type { RealtimeMessage } from "./types";

/**
 * Where realtime messages go: the in-process gateway (embedded default) or Redis (sidecars).
 * publishEvent resolves only once the message was handed over, so a failure keeps the outbox
 * cursor where it was and the event is retried; publishToUser is best effort (the inbox is the truth).
 */
export type RealtimeSink = {
  publishEvent(message: RealtimeMessage): Promise<void>;
  publishToUser(userId: string, event: string, body: unknown): Promise<void>;
  close?(): Promise<void>;
};

const globalForSink = globalThis as unknown as { __tasklaneRealtimeSink?: RealtimeSink };

export function setRealtimeSink(sink: RealtimeSink | undefined): void {
  globalForSink.__tasklaneRealtimeSink = sink;
}

export function realtimeSink(): RealtimeSink | undefined {
  return globalForSink.__tasklaneRealtimeSink;
}
