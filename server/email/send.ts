import { Resend } from "resend";
import { settings } from "@/config/settings";

export type Email = { to: string; subject: string; html: string; text: string; idempotencyKey: string };

/** What the provider said: sent, or failed and whether trying again may help (429, 5xx, network). */
export type SendResult =
  { ok: true; id: string | null } | { ok: false; retryable: boolean; status: number | null; error: string; retryAfterMs?: number };

let client: Resend | undefined;

function resend(apiKey: string): Resend {
  client ??= new Resend(apiKey, { baseUrl: settings().RESEND_BASE_URL });
  return client;
}

export function usesResend(): boolean {
  return Boolean(settings().RESEND_API_KEY);
}

/**
 * Sends through Resend (RESEND_API_KEY set; RESEND_BASE_URL points the SDK elsewhere, e.g. a test stub).
 * The idempotency key makes Resend accept a retried message only once.
 */
export async function sendThroughResend(email: Email): Promise<SendResult> {
  const s = settings();
  const { data, error, headers } = await resend(s.RESEND_API_KEY!).emails.send(
    { from: s.EMAIL_FROM, to: email.to, subject: email.subject, html: email.html, text: email.text },
    { idempotencyKey: email.idempotencyKey },
  );
  if (!error) return { ok: true, id: data?.id ?? null };
  const status = typeof (error as { statusCode?: unknown }).statusCode === "number" ? (error as { statusCode: number }).statusCode : null;
  const retryAfter = Number(headers?.["retry-after"]);
  return {
    ok: false,
    status,
    retryable: status === null || status === 429 || status >= 500,
    error: error.message,
    retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined,
  };
}
