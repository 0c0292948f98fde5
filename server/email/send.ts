import { Resend } from "resend";
import { mailboxMessages } from "@/db/schema";
import { database } from "@/db/client";
import { logger } from "../log";
import { settings } from "../settings";

export type Email = { to: string; subject: string; html: string; text: string; idempotencyKey: string };

let client: Resend | undefined;

/** Sends through Resend when RESEND_API_KEY is set (the SDK honours RESEND_BASE_URL), else into the local mailbox. */
export async function sendEmail(email: Email): Promise<void> {
  const s = settings();
  if (!s.RESEND_API_KEY) {
    const db = await database();
    await db.insert(mailboxMessages).values({ to: email.to.toLowerCase(), subject: email.subject, html: email.html, text: email.text });
    return;
  }
  client ??= new Resend(s.RESEND_API_KEY);
  const { error } = await client.emails.send(
    { from: s.EMAIL_FROM, to: email.to, subject: email.subject, html: email.html, text: email.text },
    { idempotencyKey: email.idempotencyKey },
  );
  if (error) {
    logger().warn({ err: error.message, subject: email.subject }, "email send failed");
    throw new Error(`Email provider refused the message: ${error.message}`);
  }
}
