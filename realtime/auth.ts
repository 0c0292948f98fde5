import type { Socket } from "socket.io";

type Handshake = Socket["handshake"];
import type { Actor } from "@/server/context";
import { actorUserId } from "@/server/context";
import { sessionTokenFromCookie } from "@/server/auth/session-cookie";
import { settings } from "@/config/settings";
import { actorForToken } from "@/server/auth/actor-for-token";

export type SocketIdentity = { actor: Actor; userId: string; credential: string; checkedAt: number };

const RECHECK_MS = 60_000;

/** `auth: { token }` (or an Authorization header) for API clients; the session cookie for the browser. */
export async function authenticateHandshake(h: Handshake): Promise<SocketIdentity | null> {
  const auth = h.auth as { token?: unknown } | undefined;
  const header = /^Bearer\s+(\S+)$/i.exec(h.headers.authorization ?? "")?.[1];
  let credential = typeof auth?.token === "string" ? auth.token : header;
  if (!credential && h.headers.cookie) {
    const req = new Request(settings().APP_URL, { headers: { cookie: h.headers.cookie } });
    credential = (await sessionTokenFromCookie(req)) ?? undefined;
  }
  if (!credential) return null;
  const actor = await actorForToken(credential);
  const userId = actor ? actorUserId(actor) : null;
  if (!actor || !userId) return null;
  return { actor, userId, credential, checkedAt: Date.now() };
}

/** Re-checks a socket's credential at most once a minute (logout and revocation end live sockets too). */
export async function stillValid(identity: SocketIdentity): Promise<boolean> {
  if (Date.now() - identity.checkedAt < RECHECK_MS) return true;
  const actor = await actorForToken(identity.credential).catch(() => identity.actor);
  identity.checkedAt = Date.now();
  return actor !== null;
}
