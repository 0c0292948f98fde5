import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import { createServer, type AddressInfo } from "node:net";
import Provider from "oidc-provider";

export type LoopbackOidc = { issuer: string; clientId: string; clientSecret: string; stop: () => Promise<void> };

/**
 * A real OpenID Connect provider (panva's oidc-provider) on a loopback port, for the SSO browser test.
 * Its built-in development login form takes any "login": an address becomes the subject and a
 * verified email; one starting with "unverified+" is reported with email_verified false.
 */
export async function startOidcProvider(appURL: string): Promise<LoopbackOidc> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = "tasklane-e2e";
  const clientSecret = randomBytes(24).toString("base64url");
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${appURL}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, sub) {
      return {
        accountId: sub,
        async claims() {
          const email = sub.replace(/^unverified\+/, "");
          return { sub, email, email_verified: !sub.startsWith("unverified+"), name: `SSO ${email.split("@")[0]}` };
        },
      };
    },
  });
  // The token endpoint answers only "invalid_grant (grant request is invalid)"; the reason is in error_detail.
  for (const event of ["grant.error", "authorization.error", "userinfo.error", "server_error"]) {
    provider.on(event, (ctx, error) =>
      console.error(`[e2e] oidc-provider ${event}: ${error.error_detail ?? error.message} (${JSON.stringify(ctx.oidc?.params ?? {})})`),
    );
  }
  const server: Server = provider.listen(port);
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  return { issuer, clientId, clientSecret, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
