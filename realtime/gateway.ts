import { z } from "zod";
import type { Server, Socket } from "socket.io";
import { createContext } from "@/server/context";
import { ServiceError } from "@/server/errors";
import { countEventsSince, eventPage, latestEvents, parseRealtimeMessage } from "@/server/events/feed";
import { toRealtimeEvent, type RealtimeEvent, type RealtimeMessage } from "@/server/events/types";
import { logger } from "@/config/log";
import { getProject } from "@/server/projects";
import { authenticateHandshake, stillValid, type SocketIdentity } from "./auth";

/**
 * One project as this process sees it: `head` is the last event id broadcast to the project's live
 * room, and every step that moves it runs on `chain`, one at a time, in id order. A live socket is a
 * member of the room, so an event is serialised once and written to all of them in one broadcast.
 * The head is read from the database by the first step (again after a failed read).
 */
type Feed = { projectId: string; room: string; head: number; known: boolean; chain: Promise<void>; members: number; closed: boolean };
/**
 * Per socket and project. A socket that subscribes with `since` (or falls behind) catches up on its
 * own from the database while the room moves on, and joins the room when it has exactly the room's head.
 * `last` is -1 until a socket that subscribed without `since` is given the head.
 */
type Sub = { feed: Feed; last: number; live: boolean; cancelled: boolean };
export type SocketData = SocketIdentity & { subs: Map<string, Sub> };
type AppSocket = Socket<Record<string, never>, Record<string, (e: RealtimeEvent) => void>, Record<string, never>, SocketData>;

const SubscribeInput = z.object({ projectId: z.uuid(), since: z.coerce.number().int().min(0).optional() });
const REPLAY_LIMIT = 1000;
const PAGE = 200;

export type Gateway = { deliver(m: RealtimeMessage): void; sweep(): Promise<void>; close(): void; subscriptions(): number };

/**
 * Authenticates sockets, serves `subscribe`, and forwards outbox events to subscribers exactly once
 * and in order: an event whose predecessor (prevId) is not the room's head means pub/sub dropped
 * something, and the gap is read from the database first. A periodic sweep catches a lost tail.
 */
export function attachGateway(io: Server, opts: { sweepMs: number }): Gateway {
  const feeds = new Map<string, Feed>();
  const log = logger().child({ component: "realtime" });

  /** Runs step on the feed's chain; a failed step is logged (the sweep or the next message retries) and the chain goes on. */
  const onFeed = <T>(feed: Feed, step: () => Promise<T> | T): Promise<T | undefined> => {
    const run = feed.chain.then(async () => {
      if (feed.closed) return undefined;
      if (!feed.known) {
        feed.head = (await latestEvents([feed.projectId])).get(feed.projectId) ?? 0;
        feed.known = true;
      }
      return step();
    });
    feed.chain = run.then(
      () => undefined,
      (err: unknown) =>
        log.warn({ err: (err as Error).message, projectId: feed.projectId }, "realtime forward failed; the sweep will retry"),
    );
    return run;
  };

  // Only this process's members: every sidecar receives each outbox message and serves its own sockets.
  const broadcast = (feed: Feed, e: RealtimeEvent) => io.local.to(feed.room).emit(e.type, toRealtimeEvent(e));

  /** Moves the room to upTo from the database (a gap pub/sub lost, or a tail the sweep found). */
  const advance = async (feed: Feed, upTo: number) => {
    while (feed.head < upTo && !feed.closed) {
      const page = await eventPage(feed.projectId, feed.head, PAGE, upTo);
      for (const e of page.events) {
        broadcast(feed, e);
        feed.head = e.id;
      }
      feed.head = page.lastId; // past rows the catalog refused, too
      if (!page.more) break;
    }
    // Only as far as the database goes: a message naming an id it does not hold (another deployment
    // publishing on the same Redis, say) must not move the head past events still to come.
  };

  const feedFor = (projectId: string): Feed => {
    let feed = feeds.get(projectId);
    if (feed) return feed;
    feed = { projectId, room: `live:${projectId}`, head: 0, known: false, chain: Promise.resolve(), members: 0, closed: false };
    feeds.set(projectId, feed);
    return feed;
  };

  /** Sends one socket what it has not seen, up to upTo; false when more than `limit` were missing (then skipped). */
  const fill = async (socket: AppSocket, sub: Sub, upTo: number, limit?: number): Promise<boolean> => {
    const { projectId } = sub.feed;
    if (limit !== undefined && (await countEventsSince(projectId, sub.last, upTo)) > limit) {
      sub.last = upTo;
      return false;
    }
    while (sub.last < upTo && !sub.cancelled) {
      const page = await eventPage(projectId, sub.last, PAGE, upTo);
      for (const e of page.events) {
        if (sub.cancelled) break;
        socket.emit(e.type, toRealtimeEvent(e));
        sub.last = e.id;
      }
      sub.last = page.lastId;
      if (!page.more) break;
    }
    sub.last = Math.max(sub.last, upTo);
    return true;
  };

  /**
   * Brings a socket level with its room (or past it, when the database holds nothing in between), then lets it in. The check and the join happen in one step
   * on the feed's chain, so no broadcast falls between what the socket was sent and what the room sends.
   */
  const catchUp = async (socket: AppSocket, sub: Sub) => {
    const { feed } = sub;
    for (;;) {
      const joined = await onFeed(feed, async () => {
        if (sub.cancelled || !socket.connected) return true;
        if (sub.last < 0) sub.last = feed.head;
        if (feed.head < sub.last) await advance(feed, sub.last);
        if (sub.last < feed.head) return false;
        sub.live = true;
        void socket.join(feed.room);
        return true;
      });
      if (joined !== false) return;
      await fill(socket, sub, feed.head);
    }
  };

  const unsubscribe = (socket: AppSocket, projectId: string) => {
    const sub = socket.data.subs.get(projectId);
    if (!sub) return;
    socket.data.subs.delete(projectId);
    sub.cancelled = true;
    if (sub.live) void socket.leave(sub.feed.room);
    if (--sub.feed.members === 0) {
      sub.feed.closed = true;
      feeds.delete(projectId);
    }
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
    if (!socket.connected) return { ok: false, error: "unavailable" };
    unsubscribe(socket, projectId);
    const feed = feedFor(projectId);
    const sub: Sub = { feed, last: -1, live: false, cancelled: false };
    feed.members++;
    socket.data.subs.set(projectId, sub);
    let complete = true;
    try {
      // Without since: live from the room's head on (catchUp reads it), no database round trip.
      if (since !== undefined) {
        const latest = (await latestEvents([projectId])).get(projectId) ?? 0;
        sub.last = Math.min(since, latest);
        complete = await fill(socket, sub, latest, REPLAY_LIMIT);
      }
      await catchUp(socket, sub);
    } catch (err) {
      // Not half subscribed: the client is told "unavailable" and subscribes again.
      if (socket.data.subs.get(projectId) === sub) unsubscribe(socket, projectId);
      throw err;
    }
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
    const feed = feeds.get(m.projectId);
    if (!feed) return;
    void onFeed(feed, async () => {
      if (m.id <= feed.head) return;
      if (m.prevId > feed.head) return advance(feed, m.id);
      broadcast(feed, m);
      feed.head = m.id;
    });
  };

  let sweeping = false;
  const sweep = async () => {
    if (sweeping || feeds.size === 0) return;
    sweeping = true;
    try {
      const latest = await latestEvents([...feeds.keys()]);
      for (const feed of feeds.values()) {
        const upTo = latest.get(feed.projectId) ?? 0;
        if (feed.head < upTo) void onFeed(feed, () => advance(feed, upTo));
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
    subscriptions: () => [...feeds.values()].reduce((n, f) => n + f.members, 0),
  };
}
