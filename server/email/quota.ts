import { settings } from "@/config/settings";
import { RateLimitedError } from "../errors";
import { consume, limiter } from "../rate-limit";

const HOUR = 3600;

/**
 * Abuse limit for emails a caller makes us send to an address (invitations, password resets):
 * per recipient address across every kind (nobody gets mail-bombed through us) and, for
 * invitations, per workspace. Refusal is a 429 with Retry-After; nothing is sent or stored.
 */
export async function takeEmailQuota(args: {
  kind: "invitation" | "password-reset";
  address: string;
  workspaceId?: string;
}): Promise<void> {
  const s = settings();
  const checks = [consume(limiter("email-address", s.EMAILS_PER_ADDRESS_PER_HOUR, HOUR), args.address.toLowerCase())];
  if (args.workspaceId)
    checks.push(consume(limiter(`email-${args.kind}-workspace`, s.INVITES_PER_WORKSPACE_PER_HOUR, HOUR), args.workspaceId));
  const states = await Promise.all(checks);
  const refused = states.filter((st) => !st.allowed);
  if (refused.length > 0) {
    const perAddress = !states[0]!.allowed;
    throw new RateLimitedError(
      Math.max(...refused.map((st) => st.resetSeconds)),
      perAddress
        ? "Too many emails to this address in the last hour; try again later"
        : "Too many invitations from this workspace in the last hour; try again later",
    );
  }
}
