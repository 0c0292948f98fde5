import type { Actor } from "../context";
import { cachedActorForToken as actorForToken } from "./actor-cache";
import { sessionTokenFromCookie } from "./session-cookie";

/** Bearer token first (API clients), then the browser's session cookie; briefly cached (actor-cache.ts). */
export async function resolveActor(req: Request): Promise<{ actor: Actor; presented: boolean }> {
  const header = req.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const actor = match ? await actorForToken(match[1]!) : null;
    return { actor: actor ?? { kind: "anonymous" }, presented: true };
  }
  const sessionToken = await sessionTokenFromCookie(req);
  if (sessionToken) {
    const actor = await actorForToken(sessionToken);
    if (actor?.kind === "user") return { actor: { ...actor, via: "cookie" }, presented: true };
    return { actor: { kind: "anonymous" }, presented: true };
  }
  return { actor: { kind: "anonymous" }, presented: false };
}
