import type { Metadata } from "next";
import { requireContext } from "@/app/lib/session";
import { loadShell } from "@/app/lib/shell";
import { InviteForm } from "@/components/workspace/invite-form";
import { MembersTable } from "@/components/workspace/members-table";
import { WorkspaceForm } from "@/components/workspace/workspace-form";
import { listMembers } from "@/server/workspaces";

export const metadata: Metadata = { title: "Workspace settings" };

export default async function WorkspaceSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await requireContext(`/w/${slug}/settings`);
  const shell = await loadShell(ctx, slug);
  const role = shell.current!.role;
  const admin = role === "owner" || role === "admin";
  const members = await listMembers({ ctx, slug, page: { limit: 100 } });
  return (
    <div className="content-narrow">
      <h1>Workspace settings</h1>
      {admin && (
        <section className="card" aria-labelledby="general-heading">
          <h2 id="general-heading">General</h2>
          <WorkspaceForm slug={slug} name={shell.current!.name} />
        </section>
      )}
      <section className="card" aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        {admin && (
          <div style={{ marginBottom: 16 }}>
            <h3>Invite by email</h3>
            <p className="muted small">People with an account join at once; anyone else gets an email with a link to join.</p>
            <InviteForm slug={slug} canGrantOwner={role === "owner"} />
          </div>
        )}
        <MembersTable slug={slug} members={members.data} me={ctx.userId} myRole={role} />
      </section>
    </div>
  );
}
