import Link from "next/link";

export function TwoFactorRequired({ workspace }: { workspace: string }) {
  return (
    <section className="card stack" aria-labelledby="two-factor-required-heading">
      <h1 id="two-factor-required-heading">Two-factor authentication required</h1>
      <p>
        <strong>{workspace}</strong> requires two-factor authentication for every member. Turn it on for your account to open this workspace
        again; you stay a member meanwhile.
      </p>
      <p>
        <Link className="btn btn-primary" href="/settings/security">
          Set up two-factor authentication
        </Link>
      </p>
    </section>
  );
}
