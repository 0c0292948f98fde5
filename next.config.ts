import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and WASM packages must be loaded by Node, not bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pg",
    "@node-rs/argon2",
    "ioredis",
    "pino",
    "socket.io",
    "@socket.io/redis-adapter",
    "@socket.io/redis-emitter",
    "rate-limiter-flexible",
  ],
  poweredByHeader: false,
  // proxy.ts sets the full set (CSP with a nonce, HSTS) on pages and API responses; static assets get these.
  async headers() {
    return [
      {
        source: "/_next/static/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
  typedRoutes: false,
};

export default nextConfig;
