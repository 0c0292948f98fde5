import { z } from "zod";
import type { Server, Socket } from "socket.io";
import { createContext } from "@/server/context";
import { ServiceError } from "@/server/errors";
import { countEventsSince, eventPage, latestEvents, parseRealtimeMessage } from "@/server/events/feed";
import { toRealtimeEvent, type RealtimeEvent, type RealtimeMessage } from "@/server/events/types";
import { logger } from "@/config/log";
import { getProject } from "@/server/projects";
import { authenticateHandshake, stillValid, type SocketIdentity } from "./auth";

/** Per socket and project: the last event id sent, and a queue so its events go out one at a time, in order. */
type Sub = { last: number; chain: Promise<void> };
export type SocketData = SocketIdentity & { subs: Map<string, Sub> };
type AppSocket = Socket<Record<string, never>, Record<string, (e: RealtimeEvent) => void>, Record<string, never>, SocketData>;

const SubscribeInput = z.object({ projectId: z.uuid(), since: z.coerce.number().int().min(0).optional() });
const REPLAY_LIMIT = 1000;
const PAGE = 200;

export type Gateway = { deliver(m: RealtimeMessage): void; sweep(): Promise<void>; close(): void; subscriptions(): number };

/**
 * Authenticates sockets, serves `subscribe`, and forwards outbox events to subscribers exactly once
 * and in order: an event whose predecessor (prevId) is not the last one sent means pub/sub dropped
 * something, and the gap is read from the database first. A periodic sweep catches a lost tail.
 */
export function attachGateway(io: Server, opts: { sweepMs: number }): Gateway {
  const byProject = new Map<string, Set<AppSocket>>();
  const log = logger().child({ component: "realtime" });

  const enqueue = (socket: AppSocket, projectId: string, sub: Sub, step: () => Promise<void>): Promise<void> => {
    sub.chain = sub.chain
      .then(() => (socket.connected && socket.data.subs.get(projectId) === sub ? step() : undefined))
      .catch((err: unknown) => log.warn({ err: (err as Error).message, projectId }, "realtime forward failed; the sweep will retry"));
    return sub.chain;
  };

  const send = (socket: AppSocket, e: RealtimeEvent) => socket.emit(e.type, toRealtimeEvent(e));

  /** Sends what the socket has not seen, up to upTo; false when more than `limit` were missing (then skipped). */
  const fill = async (socket: AppSocket, projectId: string, sub: Sub, upTo: number, limit?: number): Promise<boolean> => {
    if (limit !== undefined && (await countEventsSince(projectId, sub.last, upTo)) > limit) {
      sub.last = upTo;
      return false;
    }
    while (sub.last < upTo) {
      const page = await eventPage(projectId, sub.last, PAGE, upTo);
      for (const e of page.events) {
        send(socket, e);
        sub.last = e.id;
      }
      sub.last = page.lastId; // past rows the catalog refused, too
      if (!page.more) break;
    }
    sub.last = Math.max(sub.last, upTo);
    return true;
  };

  const unsubscribe = (socket: AppSocket, projectId: string) => {
    socket.data.subs.delete(projectId);
    byProject.get(projectId)?.delete(socket);
    if (byProject.get(projectId)?.size === 0) byProject.delete(projectId);
    void socket.leave(`project:${projectId}`);
  };

  const subscribe = async (socket: AppSocket, payload: unknown): Promise<Record<string, unknown>> => {
    const input = SubscribeInput.safeParse(payload);
    if (!input.success) return { ok: false, error: "invalid", detail: "send { projectId: <uuid>, since?: <event id> }" };
    const { projectId, since } = input.data;
    try {
      await getProject({ ctx: createContext(socket.data.actor), projectId });
    } catch (err) {
      if (err instanceof ServiceError) return { ok: false, error: "not_found", detail: "No such project, or you cannot see it" };
      throw err;
    }
    unsubscribe(socket, projectId);
    const sub: Sub = { last: 0, chain: Promise.resolve() };
    socket.data.subs.set(projectId, sub);
    if (!byProject.has(projectId)) byProject.set(projectId, new Set());
    byProject.get(projectId)!.add(socket);
    await socket.join(`project:${projectId}`);
    let complete = true;
    await enqueue(socket, projectId, sub, async () => {
      const latest = (await latestEvents([projectId])).get(projectId) ?? 0;
      sub.last = since === undefined ? latest : Math.min(since, latest);
      if (since !== undefined) complete = await fill(socket, projectId, sub, latest, REPLAY_LIMIT);
    });
    // More than REPLAY_LIMIT missed: the client should reload the board instead of replaying.
    return complete ? { ok: true, lastEventId: sub.last } : { ok: true, lastEventId: sub.last, resync: true };
  };

  io.use((socket, next) => {
    authenticateHandshake(socket.handshake).then(
      (identity) => {
        if (!identity) return next(new Error("unauthorized"));
        Object.assign(socket.data, identity, { subs: new Map() });
        next();
      },
      (err: unknown) => {
        log.warn({ err: (err as Error).message }, "socket authentication failed");
        next(new Error("unavailable"));
      },
    );
  });

  io.on("connection", (raw) => {
    const socket = raw as unknown as AppSocket;
    void socket.join(`user:${socket.data.userId}`);
    const answer = (ack: unknown, body: Record<string, unknown>) => typeof ack === "function" && (ack as (b: unknown) => void)(body);
    socket.on("subscribe", (payload: unknown, ack: unknown) => {
      subscribe(socket, payload).then(
        (body) => answer(ack, body),
        (err: unknown) => {
          log.warn({ err: (err as Error).message }, "subscribe failed");
          answer(ack, { ok: false, error: "unavailable" });
        },
      );
    });
    socket.on("unsubscribe", (payload: unknown, ack: unknown) => {
      const projectId = (payload as { projectId?: unknown } | null)?.projectId;
      if (typeof projectId === "string") unsubscribe(socket, projectId);
      answer(ack, { ok: true });
    });
    socket.on("disconnect", () => {
      for (const projectId of [...socket.data.subs.keys()]) unsubscribe(socket, projectId);
    });
  });

  // Messages from other processes are read through the event catalog; one that does not match is
  // dropped here (the next message's prevId, or the sweep, fills the gap from the database).
  const deliver = (raw: RealtimeMessage) => {
    const m = parseRealtimeMessage(raw);
    if (!m) return log.warn({ id: (raw as { id?: unknown } | null)?.id }, "realtime message does not match the event catalog; dropped");
    for (const socket of byProject.get(m.projectId) ?? []) {
      const sub = socket.data.subs.get(m.projectId);
      if (!sub) continue;
      void enqueue(socket, m.projectId, sub, async () => {
        if (m.id <= sub.last) return;
        if (m.prevId <= sub.last) {
          send(socket, m);
          sub.last = m.id;
          return;
        }
        await fill(socket, m.projectId, sub, m.id);
      });
    }
  };

  let sweeping = false;
  const sweep = async () => {
    if (sweeping || byProject.size === 0) return;
    sweeping = true;
    try {
      const latest = await latestEvents([...byProject.keys()]);
      for (const [projectId, sockets] of byProject) {
        const upTo = latest.get(projectId) ?? 0;
        for (const socket of sockets) {
          const sub = socket.data.subs.get(projectId);
          if (sub && sub.last < upTo) void enqueue(socket, projectId, sub, async () => void (await fill(socket, projectId, sub, upTo)));
        }
      }
      await revalidate();
    } catch (err) {
      log.warn({ err: (err as Error).message }, "realtime sweep failed");
    } finally {
      sweeping = false;
    }
  };

  // A revoked token or ended session stops its sockets within a minute.
  const revalidate = async () => {
    for (const socket of io.of("/").sockets.values() as unknown as Iterable<AppSocket>) {
      if (!(await stillValid(socket.data))) socket.disconnect(true);
    }
  };

  const timer = setInterval(() => void sweep(), opts.sweepMs);
  timer.unref();
  return {
    deliver,
    sweep,
    close: () => clearInterval(timer),
    subscriptions: () => [...byProject.values()].reduce((n, s) => n + s.size, 0),
  };
}
