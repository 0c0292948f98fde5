"use client";
import { createContext, useContext } from "react";
import type { FieldInfo, Person, Task } from "../types";
import { formatFieldValue } from "./field-specs";

/** The project's fields chosen for cards, and the people a person field names: provided by the board. */
export const CardFieldsContext = createContext<{ fields: FieldInfo[]; people: Person[] }>({ fields: [], people: [] });

/** The card's custom field values (fields marked "show on cards" that have a value), as small badges. */
export function CardFields({ task }: { task: Task }) {
  const { fields, people } = useContext(CardFieldsContext);
  const shown = fields.flatMap((f) => {
    const text = f.showOnCard ? formatFieldValue(f, task.customFields?.[f.id], people) : "";
    return text ? [{ f, text }] : [];
  });
  if (shown.length === 0) return null;
  return (
    <div className="task-card-meta" data-testid="card-fields">
      {shown.map(({ f, text }) => {
        const color = f.type === "single_select" ? f.options.find((o) => o.id === task.customFields?.[f.id])?.color : undefined;
        return (
          <span key={f.id} className="badge" title={`${f.name}: ${text}`}>
            {color && <span className="dot" style={{ background: color }} aria-hidden="true" />}
            <span className="sr-only">{f.name}: </span>
            {text}
          </span>
        );
      })}
    </div>
  );
}
