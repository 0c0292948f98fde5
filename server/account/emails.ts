import { settings } from "@/config/settings";

function escape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function message(args: { title: string; body: string; href: string; label: string; footer: string }) {
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#111;max-width:560px;margin:24px auto">
<h1 style="font-size:18px">${escape(args.title)}</h1><p>${escape(args.body)}</p>
<p><a href="${escape(args.href)}" style="display:inline-block;background:#4f46e5;color:#fff;padding:8px 14px;border-radius:6px;text-decoration:none">${escape(args.label)}</a></p>
<p style="color:#666;font-size:12px">${escape(args.footer)}</p></body></html>`;
  const text = `${args.title}\n\n${args.body}\n${args.label}: ${args.href}\n\n${args.footer}\n`;
  return { subject: args.title, html, text };
}

export function passwordResetEmail(token: string) {
  return message({
    title: "Reset your Tasklane password",
    body: "Someone (hopefully you) asked to reset the password of your Tasklane account. The link works once, for 30 minutes.",
    href: `${settings().APP_URL}/reset-password/${token}`,
    label: "Choose a new password",
    footer: "If you did not ask for this, ignore this email: your password stays as it is.",
  });
}

export function verificationEmail(token: string) {
  return message({
    title: "Verify your email for Tasklane",
    body: "Confirm that this address belongs to your Tasklane account.",
    href: `${settings().APP_URL}/verify-email/${token}`,
    label: "Verify email",
    footer: "If you did not create a Tasklane account, ignore this email.",
  });
}
