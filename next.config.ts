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
  typedRoutes: false,
};

export default nextConfig;
