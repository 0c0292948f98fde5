import { settings } from "@/config/settings";

function escape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** The link back into the app for a task: APP_URL/w/<workspace slug>/t/<KEY>. */
export function taskLink(workspaceSlug: string, taskKey: string): string {
  return `${settings().APP_URL}/w/${encodeURIComponent(workspaceSlug)}/t/${encodeURIComponent(taskKey)}`;
}

export function appLink(path: string): string {
  return `${settings().APP_URL}${path}`;
}

/**
 * One notification as an email: a subject, an HTML body and a plain-text body with the same content.
 * `detail` is plain text (a comment excerpt, say) and is escaped, never rendered as markup.
 */
export function notificationEmail(args: {
  headline: string;
  detail?: string;
  link: { href: string; label: string };
  preferencesHref?: string;
}) {
  const prefs = args.preferencesHref ?? appLink("/settings/notifications");
  const detailHtml = args.detail
    ? `<blockquote style="margin:12px 0;padding:8px 12px;border-left:3px solid #ddd;color:#333;white-space:pre-wrap">${escape(args.detail)}</blockquote>`
    : "";
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#111;max-width:560px;margin:24px auto">
<p style="font-size:16px">${escape(args.headline)}</p>${detailHtml}
<p><a href="${escape(args.link.href)}" style="display:inline-block;background:#4f46e5;color:#fff;padding:8px 14px;border-radius:6px;text-decoration:none">${escape(args.link.label)}</a></p>
<p style="color:#666;font-size:12px">Tasklane · <a href="${escape(prefs)}" style="color:#666">Notification settings</a></p></body></html>`;
  const text = [
    args.headline,
    args.detail ? `\n> ${args.detail.replace(/\n/g, "\n> ")}\n` : "",
    `${args.link.label}: ${args.link.href}`,
    "",
    `Notification settings: ${prefs}`,
    "",
  ].join("\n");
  return { subject: args.headline, html, text };
}
