"use client";
import Link from "next/link";
import { useEffect, useState } from "react";
import { onRealtime } from "@/components/realtime/client";
import { Icon } from "@/components/ui/icons";

/** The unread count comes from the server render and rises live on `notification.created`. */
export function Bell({ initial, userId, realtimeUrl }: { initial: number; userId: string; realtimeUrl: string | null }) {
  // A fresh server count (after navigation) replaces the live one.
  const [seen, setSeen] = useState({ initial, count: initial });
  if (seen.initial !== initial) setSeen({ initial, count: initial });
  const count = seen.initial === initial ? seen.count : initial;
  const setCount = (f: (c: number) => number) => setSeen((s) => ({ ...s, count: f(s.count) }));
  useEffect(() => {
    if (!realtimeUrl) return;
    return onRealtime(realtimeUrl, "notification.created", () => setCount((c) => c + 1));
  }, [realtimeUrl, userId]);
  useEffect(() => {
    const read = (e: Event) => setCount((c) => Math.max(0, (e as CustomEvent<number | "all">).detail === "all" ? 0 : c - 1));
    window.addEventListener("tasklane:notifications-read", read);
    return () => window.removeEventListener("tasklane:notifications-read", read);
  }, []);
  const label = count > 0 ? `Notifications, ${count} unread` : "Notifications";
  return (
    <Link href="/notifications" className="icon-btn" aria-label={label} title={label} data-testid="bell">
      <Icon name="bell" size={18} />
      {count > 0 && (
        <span className="bell-count" aria-hidden="true" data-testid="bell-count">
          {count > 99 ? "99+" : count}
        </span>
      )}
    </Link>
  );
}
