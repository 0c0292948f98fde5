import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { resolveActor } from "@/server/auth/resolve-actor";
import { createContext, type ServiceContext } from "@/server/context";
import { clientIp, userAgentOf } from "@/server/http/request";
import { settings } from "@/config/settings";

/** The signed-in user's ServiceContext, or null. The session row is checked on every request, so sign-out and revocation apply at once. */
export const currentContext = cache(async (): Promise<(ServiceContext & { userId: string }) | null> => {
  const h = new Headers(await headers());
  const { actor } = await resolveActor(new Request(settings().APP_URL, { headers: h }));
  if (actor.kind !== "user") return null;
  return { ...createContext(actor, { ip: clientIp(h), userAgent: userAgentOf(h) }), userId: actor.userId };
});

/** For pages and actions that need a user: anonymous visitors go to the sign-in page and come back. */
export async function requireContext(next?: string): Promise<ServiceContext & { userId: string }> {
  const ctx = await currentContext();
  if (!ctx) redirect(next ? `/signin?next=${encodeURIComponent(next)}` : "/signin");
  return ctx;
}
