"use client";
import type { FieldInfo } from "@/components/tasks/types";

type Option = FieldInfo["options"][number];

/** A select field's options: recolour, remove (the editor confirms clearing values in use), add with Enter. */
export function FieldOptions({
  field,
  disabled,
  canEdit,
  reshape,
  add,
}: {
  field: FieldInfo;
  disabled: boolean;
  canEdit: boolean;
  reshape: (options: Option[]) => void;
  add: (name: string, done: () => void) => void;
}) {
  return (
    <div className="row small" style={{ paddingLeft: 12 }}>
      {field.options.map((o) => (
        <span key={o.id} className="badge">
          <input
            type="color"
            aria-label={`Colour of option ${o.name}`}
            defaultValue={o.color}
            disabled={disabled}
            style={{ width: 20, height: 20, padding: 0, border: 0 }}
            onBlur={(e) =>
              e.target.value !== o.color && reshape(field.options.map((x) => (x.id === o.id ? { ...x, color: e.target.value } : x)))
            }
          />
          {o.name}
          {canEdit && (
            <button
              type="button"
              className="icon-btn"
              aria-label={`Remove option ${o.name}`}
              disabled={disabled}
              onClick={() => reshape(field.options.filter((x) => x.id !== o.id))}
            >
              ×
            </button>
          )}
        </span>
      ))}
      {canEdit && (
        <input
          type="text"
          aria-label={`New option of ${field.name}`}
          placeholder="Add option…"
          style={{ maxWidth: 140 }}
          onKeyDown={(e) => {
            const name = e.currentTarget.value.trim();
            if (e.key !== "Enter" || !name) return;
            e.preventDefault();
            const input = e.currentTarget;
            add(name, () => (input.value = ""));
          }}
        />
      )}
    </div>
  );
}
