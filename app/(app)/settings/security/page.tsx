import type { Metadata } from "next";
import { requireContext } from "@/app/lib/session";
import { TwoFactorSettings } from "@/components/account/two-factor";
import { twoFactorStatus } from "@/server/account";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage() {
  const ctx = await requireContext("/settings/security");
  const status = await twoFactorStatus({ ctx });
  return (
    <section className="card stack" aria-labelledby="two-factor-heading">
      <h2 id="two-factor-heading">Two-factor authentication</h2>
      <p className="muted small">
        With two-factor authentication, signing in with your password also asks for a code from an authenticator app (1Password, Google
        Authenticator, Authy…). Personal access tokens keep working without a code.
      </p>
      <TwoFactorSettings enabled={status.enabled} recoveryCodesLeft={status.recoveryCodesLeft} />
    </section>
  );
}
