import { settings } from "@/config/settings";

function escape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function layout(title: string, body: string, link: { href: string; label: string }): string {
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#111;max-width:560px;margin:24px auto">
<h1 style="font-size:18px">${escape(title)}</h1><p>${body}</p>
<p><a href="${escape(link.href)}" style="display:inline-block;background:#4f46e5;color:#fff;padding:8px 14px;border-radius:6px;text-decoration:none">${escape(link.label)}</a></p>
<p style="color:#666;font-size:12px">Tasklane</p></body></html>`;
}

export function invitationEmail(args: { inviter: string; workspace: string; role: string; token: string }) {
  const href = `${settings().APP_URL}/invitations/${args.token}`;
  const title = `${args.inviter} invited you to ${args.workspace} on Tasklane`;
  return {
    subject: title,
    html: layout(title, `You have been invited to join <b>${escape(args.workspace)}</b> as ${escape(args.role)}.`, {
      href,
      label: "Accept invitation",
    }),
    text: `${title}\n\nYou have been invited to join ${args.workspace} as ${args.role}.\nAccept: ${href}\n`,
  };
}
