"use client";
import Link from "next/link";
import { useState, useTransition } from "react";
import { markAllReadAction, markReadAction } from "@/app/actions/notifications";
import { toast } from "@/components/ui/toast";
import { RelativeTime } from "@/components/ui/relative-time";
import type { Notification } from "@/server/notifications";

type Item = Notification & { href: string | null; projectName: string | null };

export function Inbox({ items }: { items: Item[] }) {
  const [read, setRead] = useState<Set<string>>(new Set());
  const [pending, start] = useTransition();
  const isUnread = (n: Item) => !n.readAt && !read.has(n.id);
  const unread = items.filter(isUnread).length;
  const mark = (n: Item) => {
    if (!isUnread(n)) return;
    setRead((s) => new Set([...s, n.id]));
    window.dispatchEvent(new CustomEvent("tasklane:notifications-read", { detail: 1 }));
    void markReadAction(n.id).then((r) => !r.ok && toast(r.error, "error"));
  };
  if (items.length === 0)
    return (
      <div className="empty">
        <h3>You&apos;re all caught up</h3>
        <p>Assignments, mentions and comments on tasks you follow appear here.</p>
      </div>
    );
  return (
    <div className="stack">
      <div className="row-between">
        <span className="muted">{unread ? `${unread} unread` : "All read"}</span>
        <button
          type="button"
          className="btn btn-sm"
          disabled={pending || unread === 0}
          onClick={() =>
            start(async () => {
              const r = await markAllReadAction();
              if (!r.ok) return toast(r.error, "error");
              setRead(new Set(items.map((n) => n.id)));
              window.dispatchEvent(new CustomEvent("tasklane:notifications-read", { detail: "all" }));
            })
          }
        >
          Mark all as read
        </button>
      </div>
      <ul className="card" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {items.map((n) => (
          <li
            key={n.id}
            className="row"
            style={{
              padding: "10px 14px",
              borderBottom: "1px solid var(--border)",
              background: isUnread(n) ? "var(--accent-soft)" : undefined,
            }}
            data-testid="notification"
          >
            {isUnread(n) && <span className="dot" style={{ background: "var(--accent)" }} aria-label="Unread" role="img" />}
            <div className="grow">
              {n.href ? (
                <Link href={n.href} onClick={() => mark(n)}>
                  {n.message}
                </Link>
              ) : (
                <span>{n.message}</span>
              )}
              <div className="small muted">
                {n.projectName && <>{n.projectName} · </>}
                <RelativeTime date={n.createdAt} />
              </div>
            </div>
            {isUnread(n) && (
              <button type="button" className="btn btn-sm btn-ghost" onClick={() => mark(n)} aria-label={`Mark “${n.message}” as read`}>
                Mark read
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
