import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";

// Who is acting: the same service verbs serve routes, server actions, jobs and the sidecar.
export type Actor =
  | { kind: "user"; userId: string; tokenId: string; via: "session" | "cookie" }
  | { kind: "token"; userId: string; tokenId: string }
  | { kind: "system" }
  | { kind: "anonymous" };

export type ServiceContext = {
  actor: Actor;
  requestId: string;
  now: Date;
  ip?: string;
  /** The caller's User-Agent (audit entries, new-device sign-ins). */
  userAgent?: string;
  /** Set inside a transaction so composed verbs share it. */
  db?: Database;
};

export function createContext(actor: Actor, extra: Partial<Omit<ServiceContext, "actor">> = {}): ServiceContext {
  return {
    actor,
    requestId: extra.requestId ?? randomUUID(),
    now: extra.now ?? new Date(),
    ip: extra.ip,
    userAgent: extra.userAgent,
    db: extra.db,
  };
}

export function actorUserId(actor: Actor): string | null {
  return actor.kind === "user" || actor.kind === "token" ? actor.userId : null;
}
