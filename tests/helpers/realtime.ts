import { io, type Socket } from "socket.io-client";

/** Polls until check() returns a value (not undefined/false) or the deadline passes. */
export async function waitFor<T>(
  check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 15_000,
  everyMs = 25,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ""}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export type LiveEvent = { id: number; type: string; projectId: string; actorId: string | null; at: string; data: any };

/** A socket.io-client that records every event it receives, in arrival order. */
export type TestClient = {
  socket: Socket;
  received: { name: string; body: any }[];
  events(projectId?: string): LiveEvent[];
  close(): void;
};

export function connectClient(
  url: string,
  auth: { token?: string } = {},
  opts: { reconnection?: boolean; cookie?: string } = {},
): TestClient {
  const socket = io(url, {
    path: "/socket.io",
    auth,
    transports: ["websocket"],
    reconnection: opts.reconnection ?? true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    forceNew: true,
    ...(opts.cookie ? { extraHeaders: { cookie: opts.cookie } } : {}),
  });
  const received: { name: string; body: any }[] = [];
  socket.onAny((name: string, body: unknown) => received.push({ name, body }));
  return {
    socket,
    received,
    events: (projectId) =>
      received
        .filter(
          (r) => typeof r.body?.id === "number" && r.name !== "notification.created" && (!projectId || r.body.projectId === projectId),
        )
        .map((r) => r.body as LiveEvent),
    close: () => void socket.close(),
  };
}

export function connected(client: TestClient, timeoutMs = 15_000): Promise<void> {
  if (client.socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("socket did not connect")), timeoutMs);
    client.socket.once("connect", () => {
      clearTimeout(timer);
      resolve();
    });
    client.socket.once("connect_error", (err) => {
      if (client.socket.io.opts.reconnection) return;
      clearTimeout(timer);
      reject(err);
    });
  });
}

/** The connect_error message, or null when the socket connected. */
export function connectOutcome(client: TestClient, timeoutMs = 15_000): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no connect outcome")), timeoutMs);
    client.socket.once("connect", () => (clearTimeout(timer), resolve(null)));
    client.socket.once("connect_error", (err) => (clearTimeout(timer), resolve(err.message)));
  });
}

export function subscribe(client: TestClient, payload: { projectId: string; since?: number } | unknown, timeoutMs = 15_000): Promise<any> {
  return client.socket.timeout(timeoutMs).emitWithAck("subscribe", payload);
}
