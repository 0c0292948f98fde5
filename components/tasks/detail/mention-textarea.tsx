"use client";
import { useId, useRef, useState } from "react";
import type { Person } from "../types";

const handleOf = (p: Person) => p.name.replace(/\s+/g, "");

/** A textarea that offers teammates after "@" and inserts the handle the server recognises (the name without spaces). */
export function MentionTextarea({
  people,
  value,
  onChange,
  label,
  onSubmit,
  ...rest
}: { people: Person[]; value: string; onChange: (v: string) => void; label: string; onSubmit?: () => void } & Omit<
  React.TextareaHTMLAttributes<HTMLTextAreaElement>,
  "value" | "onChange" | "onSubmit"
>) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const matches =
    query === null
      ? []
      : people
          .filter((p) => handleOf(p).toLowerCase().includes(query.toLowerCase()) || p.email.toLowerCase().startsWith(query.toLowerCase()))
          .slice(0, 6);
  const open = matches.length > 0;

  const detect = (text: string, caret: number) => {
    const m = /(^|\s)@([\w.-]*)$/.exec(text.slice(0, caret));
    setQuery(m ? m[2]! : null);
    setActive(0);
  };
  const insert = (p: Person) => {
    const el = ref.current!;
    const caret = el.selectionStart;
    const before = value.slice(0, caret).replace(/@([\w.-]*)$/, `@${handleOf(p)} `);
    const next = before + value.slice(caret);
    onChange(next);
    setQuery(null);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(before.length, before.length);
    });
  };

  return (
    <div style={{ position: "relative" }}>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <textarea
        {...rest}
        ref={ref}
        id={id}
        value={value}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-activedescendant={open ? `${id}-opt-${active}` : undefined}
        onChange={(e) => {
          onChange(e.target.value);
          detect(e.target.value, e.target.selectionStart);
        }}
        onKeyDown={(e) => {
          if (open) {
            if (e.key === "ArrowDown" || e.key === "ArrowUp") {
              e.preventDefault();
              setActive((a) => (a + (e.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length);
              return;
            }
            if (e.key === "Enter" || e.key === "Tab") {
              e.preventDefault();
              insert(matches[active]!);
              return;
            }
            if (e.key === "Escape") {
              e.stopPropagation();
              setQuery(null);
              return;
            }
          }
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            onSubmit?.();
          }
        }}
        onBlur={() => setTimeout(() => setQuery(null), 150)}
      />
      <ul id={`${id}-list`} role="listbox" className="mention-menu" hidden={!open} aria-label="Mention a teammate">
        {matches.map((p, i) => (
          <li
            key={p.id}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault();
              insert(p);
            }}
          >
            {p.name} <span className="muted small">@{handleOf(p)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
