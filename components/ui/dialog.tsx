"use client";
import { useEffect, useId, useRef } from "react";
import { Icon } from "./icons";

/** A modal dialog: focus moves in, Esc and the backdrop close it, focus returns where it was. */
export function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const first = ref.current?.querySelector<HTMLElement>("input, textarea, select, button:not([data-close])");
    (first ?? ref.current)?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("keydown", onKey);
      previous?.focus();
    };
  }, [onClose]);
  return (
    <>
      <div className="overlay" onClick={onClose} aria-hidden="true" />
      <div ref={ref} className="dialog stack" role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1}>
        <div className="row-between">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="icon-btn" aria-label="Close" onClick={onClose} data-close>
            <Icon name="close" />
          </button>
        </div>
        {children}
      </div>
    </>
  );
}
