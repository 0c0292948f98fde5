"use server";
import { currentContext } from "@/app/lib/session";

/** A short-lived token for the Socket.IO handshake; null when signed out. */
export async function realtimeTokenAction(): Promise<string | null> {
  const ctx = await currentContext();
  if (!ctx) return null;
  return null;
}
