"use client";
import { useRef, useState, type PointerEvent } from "react";

const THRESHOLD_PX = 4;

export type DayDrag<M extends string> = { id: string; mode: M; dx: number; dy: number; x: number; y: number };

/**
 * Pointer dragging for the timeline's bars and the calendar's chips: a drag starts after a few
 * pixels of movement (a click without movement stays a click), follows the pointer while it is
 * held, and reports where it was let go.
 */
export function useDragDays<M extends string>(onDrop: (drag: DayDrag<M>) => void) {
  const [drag, setDrag] = useState<DayDrag<M> | null>(null);
  const start = useRef<{ id: string; mode: M; x: number; y: number; moved: boolean } | null>(null);
  const suppressClick = useRef(false);

  const handlers = (id: string, mode: M) => ({
    onPointerDown: (e: PointerEvent<HTMLElement>) => {
      if (e.button !== 0) return;
      e.stopPropagation();
      e.currentTarget.setPointerCapture(e.pointerId);
      start.current = { id, mode, x: e.clientX, y: e.clientY, moved: false };
    },
    onPointerMove: (e: PointerEvent<HTMLElement>) => {
      const s = start.current;
      if (!s || s.id !== id || s.mode !== mode) return;
      const dx = e.clientX - s.x;
      if (!s.moved && Math.hypot(dx, e.clientY - s.y) < THRESHOLD_PX) return;
      s.moved = true;
      setDrag({ id, mode, dx, dy: e.clientY - s.y, x: e.clientX, y: e.clientY });
    },
    onPointerUp: (e: PointerEvent<HTMLElement>) => {
      const s = start.current;
      start.current = null;
      if (!s || s.id !== id || s.mode !== mode || !s.moved) return;
      suppressClick.current = true;
      setDrag(null);
      onDrop({ id, mode, dx: e.clientX - s.x, dy: e.clientY - s.y, x: e.clientX, y: e.clientY });
    },
    onPointerCancel: () => {
      start.current = null;
      setDrag(null);
    },
  });

  /** True once after a drag ended, so the click the browser fires then does not open the task. */
  const consumeClick = () => {
    const suppressed = suppressClick.current;
    suppressClick.current = false;
    return suppressed;
  };

  return { drag, handlers, consumeClick };
}
