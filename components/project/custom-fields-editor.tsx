"use client";
import { useState } from "react";
import { createFieldAction, removeFieldAction, updateFieldAction } from "@/app/actions/custom-fields";
import type { FieldInfo } from "@/components/tasks/types";
import { FieldOptions } from "./field-options";
import { useAct } from "./use-act";

const TYPES: { id: FieldInfo["type"]; label: string }[] = [
  { id: "text", label: "Text" },
  { id: "number", label: "Number" },
  { id: "single_select", label: "Single select" },
  { id: "multi_select", label: "Multi select" },
  { id: "date", label: "Date" },
  { id: "person", label: "Person" },
  { id: "checkbox", label: "Checkbox" },
  { id: "url", label: "URL" },
];
const isSelect = (t: string) => t === "single_select" || t === "multi_select";

/** The project's custom fields: add, rename, retype (confirming values it would clear), options, order, delete. */
export function CustomFieldsEditor({ fields, projectId, canEdit }: { fields: FieldInfo[]; projectId: string; canEdit: boolean }) {
  const { act, pending, errorAt } = useAct();
  const [newType, setNewType] = useState<FieldInfo["type"]>("single_select");
  // A change that leaves values without a fit is refused first; clearing them takes a confirmation.
  const reshape = (f: FieldInfo, input: Parameters<typeof updateFieldAction>[1]) =>
    act(f.id, async () => {
      const r = await updateFieldAction(f.id, input);
      if (r.ok || r.status !== "VALIDATION" || !/clearInvalid/.test(Object.values(r.fieldErrors ?? {}).join(" "))) return r;
      const message = Object.values(r.fieldErrors ?? {})[0]!.replace(/; send clearInvalid.*$/, "");
      if (!confirm(`${message}. Clear those values and change ${f.name}?`)) return { ok: true, data: undefined };
      return updateFieldAction(f.id, { ...input, clearInvalid: true });
    });

  return (
    <div className="stack">
      {fields.length === 0 && <p className="muted">No custom fields yet.</p>}
      <ul style={{ listStyle: "none", padding: 0, margin: 0 }} className="stack" aria-label="Custom fields">
        {fields.map((f, i) => (
          <li key={f.id} className="stack" style={{ gap: 4 }} data-testid={`field-${f.name}`}>
            <div className="row">
              <input
                type="text"
                aria-label={`Name of field ${f.name}`}
                defaultValue={f.name}
                disabled={!canEdit || pending}
                style={{ maxWidth: 200 }}
                onBlur={(e) => e.target.value.trim() !== f.name && act(f.id, () => updateFieldAction(f.id, { name: e.target.value }))}
              />
              <select
                aria-label={`Type of field ${f.name}`}
                value={f.type}
                disabled={!canEdit || pending}
                onChange={(e) => reshape(f, { type: e.target.value as FieldInfo["type"] })}
              >
                {TYPES.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.label}
                  </option>
                ))}
              </select>
              <label className="row small" style={{ gap: 4 }}>
                <input
                  type="checkbox"
                  checked={f.showOnCard}
                  disabled={!canEdit || pending}
                  onChange={(e) => act(f.id, () => updateFieldAction(f.id, { showOnCard: e.target.checked }))}
                />
                Show on cards
              </label>
              {f.type !== "checkbox" && (
                <label className="row small" style={{ gap: 4 }}>
                  <input
                    type="checkbox"
                    checked={f.required}
                    disabled={!canEdit || pending}
                    onChange={(e) => act(f.id, () => updateFieldAction(f.id, { required: e.target.checked }))}
                  />
                  Required
                </label>
              )}
              {canEdit && i > 0 && (
                <button
                  type="button"
                  className="btn btn-sm"
                  aria-label={`Move ${f.name} up`}
                  disabled={pending}
                  onClick={() => act(f.id, () => updateFieldAction(f.id, { position: i - 1 }))}
                >
                  ↑
                </button>
              )}
              {canEdit && (
                <button
                  type="button"
                  className="btn btn-sm btn-danger"
                  disabled={pending}
                  onClick={() =>
                    confirm(`Delete the field ${f.name}? Its values on every task are deleted too.`) &&
                    act(f.id, () => removeFieldAction(f.id))
                  }
                >
                  Delete
                </button>
              )}
              {errorAt(f.id)}
            </div>
            {isSelect(f.type) && (
              <FieldOptions
                field={f}
                disabled={!canEdit || pending}
                canEdit={canEdit}
                reshape={(options) => reshape(f, { options })}
                add={(name, done) => act(f.id, () => updateFieldAction(f.id, { options: [...f.options, { name }] }), done)}
              />
            )}
          </li>
        ))}
      </ul>
      {canEdit && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            const form = e.currentTarget;
            const data = new FormData(form);
            const names = String(data.get("options") ?? "")
              .split(",")
              .map((s) => s.trim())
              .filter(Boolean);
            act(
              "new-field",
              () =>
                createFieldAction(projectId, {
                  name: String(data.get("name")),
                  type: newType,
                  showOnCard: true,
                  ...(isSelect(newType) ? { options: names.map((name) => ({ name })) } : {}),
                }),
              () => form.reset(),
            );
          }}
        >
          <label htmlFor="new-field-name" className="sr-only">
            New field name
          </label>
          <input id="new-field-name" name="name" type="text" placeholder="New field" style={{ maxWidth: 200 }} required />
          <label htmlFor="new-field-type" className="sr-only">
            New field type
          </label>
          <select id="new-field-type" value={newType} onChange={(e) => setNewType(e.target.value as FieldInfo["type"])}>
            {TYPES.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
          {isSelect(newType) && (
            <>
              <label htmlFor="new-field-options" className="sr-only">
                Options, comma-separated
              </label>
              <input id="new-field-options" name="options" type="text" placeholder="Options, comma-separated" style={{ maxWidth: 220 }} />
            </>
          )}
          <button type="submit" className="btn" disabled={pending}>
            Add field
          </button>
          {errorAt("new-field")}
        </form>
      )}
    </div>
  );
}
