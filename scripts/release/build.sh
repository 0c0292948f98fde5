#!/bin/sh
# The release artifacts, exactly as the images build them (deploy/docker/*.Dockerfile run this too):
#   OUT/web       Next's standalone server: `node server.js` (+ .next/static, db/migrations)
#   OUT/realtime  realtime.mjs, worker.mjs, migrate.mjs (+ the native addons, db/migrations)
# Expects `npm ci` done. REUSE_NEXT_BUILD=1 takes an up-to-date .next/standalone (CI's build) instead
# of a second `next build`.
# Usage: sh scripts/release/build.sh OUT_DIR
set -eu
OUT="${1:?usage: build.sh OUT_DIR}"
cd "$(dirname "$0")/../.."

if [ "${REUSE_NEXT_BUILD:-}" = 1 ] && [ -f .next/standalone/server.js ]; then
  echo "build: reusing .next/standalone from the last npm run build"
else
  NEXT_TELEMETRY_DISABLED=1 npm run build
fi

rm -rf "$OUT/web"
mkdir -p "$OUT/web"
# The standalone folder holds server.js, the traced node_modules (production code only) and .next/server.
cp -R .next/standalone/. "$OUT/web/"
# server.js drains on SIGTERM and exits 0 (scripts/release/web-server.mjs), then runs Next's server.
mv "$OUT/web/server.js" "$OUT/web/next-server.js"
cp scripts/release/web-server.mjs "$OUT/web/server.js"
cp -R .next/static "$OUT/web/.next/static"
if [ -d public ]; then cp -R public "$OUT/web/public"; fi
rm -rf "$OUT/web/db/migrations"
mkdir -p "$OUT/web/db"
cp -R db/migrations "$OUT/web/db/migrations"
# Never ship the build cache, local data or secrets the tracer may have picked up.
rm -rf "$OUT/web/.next/cache" "$OUT/web/.data" "$OUT/web/.env" "$OUT/web/.env."*

node scripts/release/bundle.mjs "$OUT/realtime"
du -sh "$OUT/web" "$OUT/realtime"
