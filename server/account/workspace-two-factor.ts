import { sql, type SQL } from "drizzle-orm";
import { ServiceError } from "../errors";
import { ACCOUNT_PROBLEMS } from "./schemas";

/** `true` when the user has 2FA on; select it beside a membership so the check costs no extra query. */
export function twoFactorEnabledSql(userId: string): SQL<boolean> {
  return sql<boolean>`exists (select 1 from users u2f where u2f.id = ${userId} and u2f.totp_enabled_at is not null)`;
}

/**
 * Workspaces that require 2FA refuse members who have not turned it on (403, a problem type the UI
 * turns into "turn on 2FA"); they stay members and get in again once enrolled. Applies to API tokens
 * too, since it is about the person, not how they signed in.
 */
export function requireTwoFactorIfAsked(args: { isMember: boolean; required: boolean; enabled: boolean }): void {
  if (args.isMember && args.required && !args.enabled) {
    throw new ServiceError("FORBIDDEN", "This workspace requires two-factor authentication: turn it on in Settings → Security", {
      type: ACCOUNT_PROBLEMS.twoFactorEnrollmentRequired,
    });
  }
}
