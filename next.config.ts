import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // A self-contained server (.next/standalone/server.js with only the traced node_modules): the web image.
  // `npm start`, the e2e tests and the benchmark still serve the same build with `next start`.
  output: "standalone",
  outputFileTracingRoot: process.cwd(),
  // No next/image here: sharp and its libvips (~20 MB) stay out of the standalone output.
  outputFileTracingExcludes: { "*": ["node_modules/sharp/**", "node_modules/@img/**"] },
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
