"use client";
import { useState, useTransition } from "react";
import { changeRoleAction, removeMemberAction } from "@/app/actions/workspaces";
import type { WorkspacePermissions } from "@/server/auth/policy";

type Member = { user: { id: string; name: string; email: string }; role: string };
const ROLES = ["owner", "admin", "member", "guest"] as const;
type Role = (typeof ROLES)[number];

/** Role changes and removals apply at once; a refusal (e.g. the last owner) is shown on that member's row. */
export function MembersTable({
  slug,
  members,
  me,
  permissions,
}: {
  slug: string;
  members: Member[];
  me: string;
  permissions: WorkspacePermissions;
}) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, start] = useTransition();
  const run = (userId: string, fn: () => Promise<{ ok: boolean; error?: string }>) =>
    start(async () => {
      const result = await fn();
      setErrors((e) => ({ ...e, [userId]: result.ok ? "" : (result.error ?? "Failed") }));
    });
  return (
    <table className="table">
      <caption className="sr-only">Workspace members</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col" className="hide-phone">
            Email
          </th>
          <th scope="col">Role</th>
          <th scope="col">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {members.map((m) => {
          const canEdit = permissions.canAdmin && (permissions.canManageOwners || m.role !== "owner");
          return (
            <tr key={m.user.id} data-testid={`member-${m.user.email}`}>
              <td>
                {m.user.name}
                {m.user.id === me && <span className="muted"> (you)</span>}
                {errors[m.user.id] && (
                  <div className="field-error" role="alert">
                    {errors[m.user.id]}
                  </div>
                )}
              </td>
              <td className="hide-phone muted">{m.user.email}</td>
              <td>
                {canEdit ? (
                  <select
                    aria-label={`Role of ${m.user.name}`}
                    value={m.role}
                    disabled={pending}
                    onChange={(e) => run(m.user.id, () => changeRoleAction(slug, m.user.id, e.target.value as Role))}
                  >
                    {ROLES.filter((r) => permissions.canManageOwners || r !== "owner").map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </select>
                ) : (
                  <span className="badge">{m.role}</span>
                )}
              </td>
              <td style={{ textAlign: "right" }}>
                {(canEdit || m.user.id === me) && (
                  <button
                    type="button"
                    className="btn btn-sm btn-danger"
                    disabled={pending}
                    onClick={() => {
                      const leaving = m.user.id === me;
                      if (confirm(leaving ? "Leave this workspace?" : `Remove ${m.user.name} from the workspace?`))
                        run(m.user.id, () => removeMemberAction(slug, m.user.id));
                    }}
                  >
                    {m.user.id === me ? "Leave" : "Remove"}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
