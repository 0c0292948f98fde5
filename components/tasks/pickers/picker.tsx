"use client";
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react";

export type PickerOption = { id: string; label: string; color?: string; hint?: string };

export type PickerProps = {
  /** The property, e.g. "Assignees": names the listbox and the search box. */
  label: string;
  options: PickerOption[];
  selected: string[];
  multiple?: boolean;
  /** Turns the typed text into an option of its own (a date, a number), offered first. */
  parse?: (query: string) => PickerOption | null;
  /** "Create label …": offered last when nothing matches the text exactly. */
  create?: { label: (query: string) => string; run: (query: string) => Promise<PickerOption | null> };
  /**
   * Single choice: the chosen id, then the picker closes. Multiple: the whole new selection and the one
   * before it (each toggle at once; the picker stays open and shows its own selection meanwhile).
   */
  onChange: (ids: string[], before: string[]) => void;
  onClose: () => void;
};

const CREATE = "__create__";

/**
 * The searchable listbox every property picker opens: the WAI-ARIA combobox pattern (the text box
 * owns focus, the active option is aria-activedescendant; type to filter, arrows, Home/End, Enter,
 * Esc). A popover: Esc, Tab and a click outside close it, and focus returns where it was.
 */
export function PickerPopover({ label, options, selected, multiple, parse, create, onChange, onClose }: PickerProps) {
  const id = useId();
  const listId = `${id}-list`;
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const [picked, setPicked] = useState(selected);
  const chosenIds = multiple ? picked : selected;
  const root = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  });

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    const list: PickerOption[] = q
      ? options.filter((o) => o.label.toLowerCase().includes(q) || o.hint?.toLowerCase().includes(q))
      : options;
    const parsed = q && parse ? parse(query.trim()) : null;
    const exact = options.some((o) => o.label.toLowerCase() === q);
    const extra: PickerOption[] = q && create && !exact ? [{ id: CREATE, label: create.label(query.trim()) }] : [];
    return [...(parsed ? [parsed] : []), ...list, ...extra];
  }, [query, options, parse, create]);
  const current = Math.min(active, Math.max(0, shown.length - 1));

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    input.current?.focus();
    const outside = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) closeRef.current();
    };
    document.addEventListener("pointerdown", outside, true);
    return () => {
      document.removeEventListener("pointerdown", outside, true);
      if (previous && previous.isConnected && previous !== document.body) previous.focus();
    };
  }, []);
  useLayoutEffect(() => {
    root.current?.querySelector(`[data-index="${current}"]`)?.scrollIntoView({ block: "nearest" });
  }, [current]);

  async function choose(option: PickerOption | undefined) {
    if (!option || busy) return;
    let chosen: PickerOption | null = option;
    if (option.id === CREATE && create) {
      setBusy(true);
      chosen = await create.run(query.trim());
      setBusy(false);
      if (!chosen) return;
    }
    if (!multiple) {
      onChange([chosen.id], selected);
      onClose();
      return;
    }
    const next = picked.includes(chosen.id) ? picked.filter((s) => s !== chosen.id) : [...picked, chosen.id];
    setPicked(next);
    onChange(next, picked);
    setQuery("");
    setActive(0);
  }

  function onKeyDown(e: React.KeyboardEvent) {
    // Keys handled here stay here: the board's shortcuts and the drawer's Esc must not see them.
    e.stopPropagation();
    const last = shown.length - 1;
    if (e.key === "ArrowDown") setActive(current >= last ? 0 : current + 1);
    else if (e.key === "ArrowUp") setActive(current <= 0 ? last : current - 1);
    else if (e.key === "Home") setActive(0);
    else if (e.key === "End") setActive(last);
    else if (e.key === "Enter") void choose(shown[current]);
    else if (e.key === "Escape") onClose();
    else if (e.key === "Tab") return onClose();
    else return;
    e.preventDefault();
  }

  const optionId = (i: number) => `${id}-opt-${i}`;
  return (
    <div ref={root} className="picker" role="dialog" aria-label={label} onKeyDown={onKeyDown}>
      <input
        ref={input}
        className="picker-input"
        role="combobox"
        aria-label={`Search ${label}`}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown.length ? optionId(current) : undefined}
        placeholder={`${label}…`}
        value={query}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => (setQuery(e.target.value), setActive(0))}
      />
      <ul
        className="picker-list"
        role="listbox"
        id={listId}
        aria-label={label}
        aria-multiselectable={multiple || undefined}
        aria-busy={busy}
      >
        {shown.map((o, i) => (
          <li
            key={o.id}
            id={optionId(i)}
            data-index={i}
            role="option"
            aria-selected={chosenIds.includes(o.id)}
            data-active={i === current}
            className="picker-option"
            onPointerMove={() => i !== current && setActive(i)}
            onClick={() => void choose(o)}
          >
            <span className="picker-check" aria-hidden="true">
              {chosenIds.includes(o.id) ? "✓" : ""}
            </span>
            {o.color && <span className="dot" style={{ background: o.color }} aria-hidden="true" />}
            <span className="grow truncate">{o.label}</span>
            {o.hint && <span className="muted small">{o.hint}</span>}
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p className="muted small picker-empty">No match</p>}
    </div>
  );
}

/**
 * A property as a button that shows its value ("Assignees: Ada, Lin", or "Assign" when empty) and
 * opens the picker under it. `openKey` changing to a new number opens it (keyboard shortcuts).
 */
export function PickerButton({
  name,
  summary,
  empty,
  disabled,
  openKey,
  className,
  ...picker
}: Omit<PickerProps, "onClose"> & {
  name: string;
  summary: string;
  empty: string;
  disabled?: boolean;
  openKey?: number;
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const [seenKey, setSeenKey] = useState(openKey);
  if (openKey !== seenKey) {
    setSeenKey(openKey);
    if (openKey !== undefined && !disabled) setOpen(true);
  }
  const text = summary ? `${name}: ${summary}` : empty;
  return (
    <span className="picker-anchor">
      <button
        type="button"
        className={className ?? "picker-button"}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={text}
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
      >
        {summary ? (
          <>
            <span className="muted small">{name}</span> <span className="truncate">{summary}</span>
          </>
        ) : (
          <span className="muted">{empty}</span>
        )}
      </button>
      {open && <PickerPopover {...picker} onClose={() => setOpen(false)} />}
    </span>
  );
}
