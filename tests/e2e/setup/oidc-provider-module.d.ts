// The few parts of oidc-provider (no bundled types) the loopback SSO provider uses.
declare module "oidc-provider" {
  import type { Server } from "node:http";
  type Account = { accountId: string; claims: () => Promise<Record<string, unknown>> };
  type Configuration = {
    clients: Record<string, unknown>[];
    cookies: { keys: string[] };
    claims: Record<string, string[]>;
    features: Record<string, unknown>;
    findAccount: (ctx: unknown, sub: string) => Promise<Account>;
  };
  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    listen(port: number): Server;
    on(
      event: string,
      listener: (ctx: { oidc?: { params?: Record<string, unknown> } }, error: Error & { error_detail?: string }) => void,
    ): this;
  }
}
