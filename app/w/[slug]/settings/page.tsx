import type { Metadata } from "next";
import { requireContext } from "@/app/lib/session";
import { loadShell } from "@/app/loaders/shell";
import { InviteForm } from "@/components/workspace/invite-form";
import { InvitationsList } from "@/components/workspace/invitations-list";
import { MembersTable } from "@/components/workspace/members-table";
import { WorkspaceForm } from "@/components/workspace/workspace-form";
import { TwoFactorRequirementForm } from "@/components/workspace/two-factor-requirement";
import { CreateWebhookForm, WebhookList } from "@/components/workspace/webhooks";
import { listDeliveries, listWebhooks, webhookEventTypes } from "@/server/webhooks";
import { listInvitations, listMembers } from "@/server/workspaces";

export const metadata: Metadata = { title: "Workspace settings" };

export default async function WorkspaceSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await requireContext(`/w/${slug}/settings`);
  const shell = await loadShell(ctx, slug);
  const { permissions } = shell.current!;
  const admin = permissions.canAdmin;
  const members = await listMembers({ ctx, slug, page: { limit: 100 } });
  const invitations = admin ? (await listInvitations({ ctx, slug, page: { limit: 100 } })).data : [];
  const hooks = admin
    ? await Promise.all(
        (await listWebhooks({ ctx, slug, page: { limit: 100 } })).data.map(async (h) => ({
          ...h,
          deliveries: (await listDeliveries({ ctx, slug, webhookId: h.id, page: { limit: 20 } })).data,
        })),
      )
    : [];
  return (
    <div className="content-narrow">
      <h1>Workspace settings</h1>
      {admin && (
        <section className="card" aria-labelledby="general-heading">
          <h2 id="general-heading">General</h2>
          <WorkspaceForm slug={slug} name={shell.current!.name} />
          <p className="small">
            <a href={`/w/${encodeURIComponent(slug)}/settings/audit`}>Audit log</a>: who changed roles, members, tokens and webhooks, and
            new-device sign-ins.
          </p>
        </section>
      )}
      {shell.current!.role === "owner" && (
        <section className="card" aria-labelledby="security-heading">
          <h2 id="security-heading">Security</h2>
          <TwoFactorRequirementForm
            slug={slug}
            required={shell.current!.requireTwoFactor}
            ownerHasTwoFactor={shell.user.twoFactorEnabled}
          />
        </section>
      )}
      <section className="card" aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        {admin && (
          <div style={{ marginBottom: 16 }}>
            <h3>Invite by email</h3>
            <p className="muted small">People with an account join at once; anyone else gets an email with a link to join.</p>
            <InviteForm slug={slug} canGrantOwner={permissions.canManageOwners} />
          </div>
        )}
        {admin && invitations.length > 0 && (
          <div>
            <h3>Pending invitations</h3>
            <InvitationsList slug={slug} invitations={invitations} />
          </div>
        )}
        <MembersTable slug={slug} members={members.data} me={ctx.userId} permissions={permissions} />
      </section>
      {admin && (
        <section className="card" aria-labelledby="webhooks-heading">
          <h2 id="webhooks-heading">Webhooks</h2>
          <WebhookList slug={slug} hooks={hooks} />
          <h3 style={{ marginTop: 16 }}>New webhook</h3>
          <CreateWebhookForm slug={slug} eventTypes={webhookEventTypes} />
        </section>
      )}
    </div>
  );
}
