"use client";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { loadTaskDetailAction } from "@/app/actions/tasks";
import type { TaskDetail as Detail } from "@/server/tasks";
import { Icon } from "@/components/ui/icons";
import { TaskDetail } from "./detail/task-detail";
import type { DetailMeta } from "./detail/types";

/** `?task=KEY` opens the task beside the board or list; Esc or the close button returns to it. */
export function TaskDrawer({ meta, me, realtimeUrl }: { meta: DetailMeta; me: string; realtimeUrl: string | null }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const key = params.get("task");
  const [loaded, setLoaded] = useState<{ key: string; detail: Detail | null; error?: string } | null>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!key) return;
    let live = true;
    void loadTaskDetailAction(key, meta.slug).then(
      (r) => live && setLoaded({ key, detail: r.ok ? r.data : null, error: r.ok ? undefined : r.error }),
    );
    return () => {
      live = false;
    };
  }, [key, meta.slug]);

  const close = () => {
    const next = new URLSearchParams(params.toString());
    next.delete("task");
    const qs = next.toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  };
  useEffect(() => {
    if (!key) return;
    const previous = document.activeElement as HTMLElement | null;
    panel.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && !document.querySelector(".dialog") && close();
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("keydown", onKey);
      previous?.focus?.();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  if (!key) return null;
  const current = loaded?.key === key ? loaded : null;
  return (
    <>
      <div className="overlay" onClick={close} aria-hidden="true" />
      <div className="drawer" role="dialog" aria-modal="true" aria-label={`Task ${key}`} ref={panel} tabIndex={-1}>
        <div
          className="row-between"
          style={{ padding: "10px 16px", borderBottom: "1px solid var(--border)", background: "var(--surface)" }}
        >
          <Link href={`/w/${meta.slug}/t/${key}`} className="small">
            Open as page
          </Link>
          <button type="button" className="icon-btn" aria-label="Close task" onClick={close}>
            <Icon name="close" />
          </button>
        </div>
        {!current ? (
          <div className="stack" style={{ padding: 24 }} aria-busy="true">
            <div className="skeleton" style={{ height: 32, width: "60%" }} />
            <div className="skeleton" style={{ height: 120 }} />
            <div className="skeleton" style={{ height: 80 }} />
          </div>
        ) : current.detail ? (
          <TaskDetail
            key={current.detail.task.id}
            initial={current.detail}
            meta={meta}
            me={me}
            realtimeUrl={realtimeUrl}
            headingLevel="h2"
          />
        ) : (
          <p className="alert" role="alert" style={{ margin: 24 }}>
            {current.error ?? "This task could not be loaded."}
          </p>
        )}
      </div>
    </>
  );
}
