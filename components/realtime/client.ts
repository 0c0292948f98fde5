"use client";
import { io, type Socket } from "socket.io-client";
import type { EventType, RealtimeEvent } from "@/server/events/catalog";
import type { NotificationCreatedEvent } from "@/server/notifications/announce";

export type { RealtimeEvent };

// One socket per tab, shared by the bell, the board and the task page.
let socket: Socket | null = null;

function connect(url: string): Socket {
  socket ??= io(url, {
    path: "/socket.io",
    transports: ["websocket", "polling"],
    // The sidecar reads the same encrypted session cookie as the app; the raw token never reaches page scripts.
    withCredentials: true,
  });
  return socket;
}

/** Listens for the user's own events (room user:<id>); returns the unsubscribe function. */
export function onRealtime(url: string, type: "notification.created", handler: (event: NotificationCreatedEvent) => void): () => void {
  const s = connect(url);
  s.on(type, handler);
  return () => {
    s.off(type, handler);
  };
}

/** Joins a project's room (again on every reconnect, asking for what was missed since the last event seen). */
export function subscribeProject<T extends EventType>(
  url: string,
  projectId: string,
  types: T[],
  handler: (event: RealtimeEvent<T>) => void,
  onResync?: () => void,
): () => void {
  const s = connect(url);
  let lastId: number | undefined;
  const onEvent = (event: RealtimeEvent<T>) => {
    if (event.projectId !== projectId) return;
    if (lastId !== undefined && event.id <= lastId) return;
    lastId = event.id;
    handler(event);
  };
  const join = () =>
    s.emit("subscribe", { projectId, since: lastId }, (ack: { ok: boolean; lastEventId?: number; resync?: boolean }) => {
      if (ack?.ok && lastId === undefined) lastId = ack.lastEventId;
      // Too much missed while away: the page reloads its data instead of replaying.
      if (ack?.resync) onResync?.();
    });
  // Event names are catalog types, never the socket's reserved ones ("connect", …).
  const names: string[] = types;
  for (const t of names) s.on(t, onEvent);
  s.on("connect", join);
  if (s.connected) join();
  return () => {
    for (const t of names) s.off(t, onEvent);
    s.off("connect", join);
    s.emit("unsubscribe", { projectId });
  };
}
