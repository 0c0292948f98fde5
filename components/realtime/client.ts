"use client";
import { io, type Socket } from "socket.io-client";

export type RealtimeEvent = { id: number; type: string; projectId: string; actorId: string | null; at: string; data: unknown };

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

/** Listens for one server event type; returns the unsubscribe function. */
export function onRealtime(url: string, type: string, handler: (event: RealtimeEvent) => void): () => void {
  const s = connect(url);
  s.on(type, handler);
  return () => {
    s.off(type, handler);
  };
}

/** Joins a project's room (again on every reconnect, asking for what was missed since the last event seen). */
export function subscribeProject(
  url: string,
  projectId: string,
  types: string[],
  handler: (event: RealtimeEvent) => void,
  onResync?: () => void,
): () => void {
  const s = connect(url);
  let lastId: number | undefined;
  const onEvent = (event: RealtimeEvent) => {
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
  for (const t of types) s.on(t, onEvent);
  s.on("connect", join);
  if (s.connected) join();
  return () => {
    for (const t of types) s.off(t, onEvent);
    s.off("connect", join);
    s.emit("unsubscribe", { projectId });
  };
}
