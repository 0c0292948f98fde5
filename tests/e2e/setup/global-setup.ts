import type { FullConfig } from "@playwright/test";
import { assertLocalDatabase } from "./local-database";
import { startOidcProvider } from "./oidc-provider";
import { startServer } from "./server";

/**
 * Starts the app once for the whole run and hands its address and AUTH_SECRET to the workers
 * through the environment (workers start after this). The returned function is the teardown.
 * E2E_BASE_URL with E2E_AUTH_SECRET points the tests at a server already running instead.
 */
export default async function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
  if (process.env.DATABASE_URL) assertLocalDatabase(process.env.DATABASE_URL);
  if (process.env.E2E_BASE_URL) {
    if (!process.env.E2E_AUTH_SECRET)
      throw new Error("E2E_BASE_URL needs E2E_AUTH_SECRET (the server's AUTH_SECRET) to sign test users in");
    return async () => undefined;
  }
  // SSO is configured at start, against a loopback OpenID Connect provider (tests/e2e/sso.spec.ts).
  const server = await startServer({
    extraEnv: async (baseURL) => {
      const oidc = await startOidcProvider(baseURL);
      const env = { OIDC_ISSUER: oidc.issuer, OIDC_CLIENT_ID: oidc.clientId, OIDC_CLIENT_SECRET: oidc.clientSecret, OIDC_NAME: "Test SSO" };
      return { env, stop: oidc.stop };
    },
  });
  process.env.E2E_BASE_URL = server.baseURL;
  process.env.E2E_AUTH_SECRET = server.authSecret;
  return server.stop;
}
