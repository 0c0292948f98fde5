import type { Metadata } from "next";
import { requireContext } from "@/app/lib/session";
import { CreateTokenForm, TokenList } from "@/components/account/tokens";
import { listTokens } from "@/server/users";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const ctx = await requireContext("/settings/tokens");
  const tokens = await listTokens({ ctx, page: { limit: 100 } });
  return (
    <>
      <section className="card" aria-labelledby="new-token-heading">
        <h2 id="new-token-heading">New personal access token</h2>
        <p className="muted small">
          Send it as <code>Authorization: Bearer &lt;token&gt;</code> to <code>/api/v1</code>. It acts as you, with your permissions.
        </p>
        <CreateTokenForm />
      </section>
      <section className="card" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">Active tokens</h2>
        <TokenList tokens={tokens.data} />
      </section>
    </>
  );
}
