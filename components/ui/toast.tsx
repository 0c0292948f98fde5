"use client";
import { useSyncExternalStore } from "react";

type ToastAction = { label: string; run: () => void };
type Toast = { id: number; message: string; kind: "info" | "error"; action?: ToastAction };
let toasts: Toast[] = [];
let seq = 0;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

const dismiss = (id: number) => {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
};

/** Shows a short message at the bottom right; errors stay longer. */
export function toast(message: string, kind: Toast["kind"] = "info"): void {
  const id = ++seq;
  toasts = [...toasts, { id, message, kind }];
  emit();
  setTimeout(() => dismiss(id), kind === "error" ? 8000 : 4000);
}

/** How long an "Undo" stays offered. */
export const UNDO_MS = 10_000;

/** A message with an "Undo" button for 10 s; the toast goes as soon as it is used. */
export function toastUndo(message: string, undo: () => void): void {
  const id = ++seq;
  toasts = [...toasts, { id, message, kind: "info", action: { label: "Undo", run: undo } }];
  emit();
  setTimeout(() => dismiss(id), UNDO_MS);
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
const empty: Toast[] = [];

export function Toaster() {
  const list = useSyncExternalStore(
    subscribe,
    () => toasts,
    () => empty,
  );
  return (
    <div className="toasts" role="status" aria-live="polite">
      {list.map((t) => (
        <div key={t.id} className="toast" data-kind={t.kind} role={t.kind === "error" ? "alert" : undefined}>
          {t.message}
          {t.action && (
            <button
              type="button"
              className="toast-action"
              onClick={() => {
                dismiss(t.id);
                t.action!.run();
              }}
            >
              {t.action.label}
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
