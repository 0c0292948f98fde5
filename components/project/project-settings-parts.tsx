"use client";
import { useState } from "react";
import {
  addProjectMemberAction,
  createLabelAction,
  removeLabelAction,
  removeProjectMemberAction,
  setArchivedAction,
  updateLabelAction,
  updateProjectAction,
  updateProjectMemberAction,
} from "@/app/actions/projects";
import type { LabelInfo, Person } from "@/components/tasks/types";
import type { ProjectRole } from "@/server/projects";
import { useAct } from "./use-act";

const ROLES = ["admin", "member", "viewer"] as const;

export function GeneralForm({
  project,
  canEdit,
}: {
  project: { id: string; name: string; description: string; visibility: string; archived: boolean };
  canEdit: boolean;
}) {
  const { act, pending, errorAt } = useAct();
  const [saved, setSaved] = useState(false);
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        act(
          "general",
          () =>
            updateProjectAction(project.id, {
              name: String(f.get("name")),
              description: String(f.get("description")),
              visibility: String(f.get("visibility")) as "workspace" | "private",
            }),
          () => setSaved(true),
        );
      }}
    >
      <fieldset disabled={!canEdit || project.archived} className="stack" style={{ border: 0, padding: 0, margin: 0 }}>
        <div className="field">
          <label htmlFor="project-name">Name</label>
          <input id="project-name" name="name" type="text" defaultValue={project.name} required />
        </div>
        <div className="field">
          <label htmlFor="project-description">Description</label>
          <textarea id="project-description" name="description" defaultValue={project.description} rows={3} />
        </div>
        <div className="field">
          <label htmlFor="project-visibility">Visibility</label>
          <select id="project-visibility" name="visibility" defaultValue={project.visibility}>
            <option value="workspace">Everyone in the workspace</option>
            <option value="private">Private: only project members</option>
          </select>
        </div>
        <div className="row">
          <button type="submit" className="btn btn-primary" disabled={pending}>
            Save
          </button>
          {saved && (
            <span role="status" className="muted">
              Saved.
            </span>
          )}
          {errorAt("general")}
        </div>
      </fieldset>
      {canEdit && (
        <div className="row">
          <button
            type="button"
            className="btn btn-danger"
            disabled={pending}
            onClick={() =>
              (project.archived || confirm("Archive this project? It becomes read-only and leaves the lists.")) &&
              act("archive", () => setArchivedAction(project.id, !project.archived))
            }
          >
            {project.archived ? "Restore project" : "Archive project"}
          </button>
          {errorAt("archive")}
        </div>
      )}
    </form>
  );
}

export function ProjectMembers({
  projectId,
  members,
  candidates,
  canEdit,
}: {
  projectId: string;
  members: { user: Person; role: string }[];
  candidates: Person[];
  canEdit: boolean;
}) {
  const { act, pending, errorAt } = useAct();
  const outside = candidates.filter((c) => !members.some((m) => m.user.id === c.id));
  return (
    <div className="stack">
      <table className="table">
        <caption className="sr-only">Project members</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.user.id}>
              <td>
                {m.user.name} <span className="muted small hide-phone">{m.user.email}</span>
                {errorAt(m.user.id)}
              </td>
              <td>
                <select
                  aria-label={`Project role of ${m.user.name}`}
                  value={m.role}
                  disabled={!canEdit || pending}
                  onChange={(e) => act(m.user.id, () => updateProjectMemberAction(projectId, m.user.id, e.target.value as ProjectRole))}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </td>
              <td style={{ textAlign: "right" }}>
                {canEdit && (
                  <button
                    type="button"
                    className="btn btn-sm btn-danger"
                    disabled={pending}
                    onClick={() => act(m.user.id, () => removeProjectMemberAction(projectId, m.user.id))}
                  >
                    Remove
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {canEdit && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            if (f.get("userId"))
              act("add", () => addProjectMemberAction(projectId, String(f.get("userId")), String(f.get("role")) as ProjectRole));
          }}
        >
          <label htmlFor="add-project-member" className="sr-only">
            Workspace member to add
          </label>
          <select id="add-project-member" name="userId" defaultValue="" style={{ maxWidth: 260 }}>
            <option value="">Add a workspace member…</option>
            {outside.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <label htmlFor="add-project-role" className="sr-only">
            Role
          </label>
          <select id="add-project-role" name="role" defaultValue="member" style={{ width: 120 }}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          <button type="submit" className="btn" disabled={pending}>
            Add
          </button>
          {errorAt("add")}
        </form>
      )}
    </div>
  );
}

export function LabelsEditor({ projectId, labels, canEdit }: { projectId: string; labels: LabelInfo[]; canEdit: boolean }) {
  const { act, pending, errorAt } = useAct();
  return (
    <div className="stack">
      {labels.length === 0 && <p className="muted">No labels yet.</p>}
      <ul style={{ listStyle: "none", padding: 0, margin: 0 }} className="stack">
        {labels.map((l) => (
          <li key={l.id} className="row">
            <input
              type="color"
              aria-label={`Colour of label ${l.name}`}
              defaultValue={l.color}
              disabled={!canEdit || pending}
              onBlur={(e) => e.target.value !== l.color && act(l.id, () => updateLabelAction(projectId, l.id, { color: e.target.value }))}
            />
            <input
              type="text"
              aria-label={`Name of label ${l.name}`}
              defaultValue={l.name}
              disabled={!canEdit || pending}
              style={{ maxWidth: 240 }}
              onBlur={(e) =>
                e.target.value.trim() !== l.name && act(l.id, () => updateLabelAction(projectId, l.id, { name: e.target.value }))
              }
            />
            {canEdit && (
              <button
                type="button"
                className="btn btn-sm btn-danger"
                disabled={pending}
                onClick={() =>
                  confirm(`Delete the label ${l.name}? It is removed from its tasks.`) &&
                  act(l.id, () => removeLabelAction(projectId, l.id))
                }
              >
                Delete
              </button>
            )}
            {errorAt(l.id)}
          </li>
        ))}
      </ul>
      {canEdit && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            const form = e.currentTarget;
            const f = new FormData(form);
            act(
              "new-label",
              () => createLabelAction(projectId, { name: String(f.get("name")), color: String(f.get("color")) }),
              () => form.reset(),
            );
          }}
        >
          <label htmlFor="new-label-name" className="sr-only">
            New label name
          </label>
          <input id="new-label-name" name="name" type="text" placeholder="New label" style={{ maxWidth: 240 }} required />
          <label htmlFor="new-label-color" className="sr-only">
            New label colour
          </label>
          <input id="new-label-color" name="color" type="color" defaultValue="#0ea5e9" />
          <button type="submit" className="btn" disabled={pending}>
            Add label
          </button>
          {errorAt("new-label")}
        </form>
      )}
    </div>
  );
}
