# tasklane-realtime: three programs as plain JavaScript, one image:
#   node realtime.mjs  the Socket.IO sidecar (REALTIME_PORT 3001: /socket.io, /health, /ready, /metrics)
#   node worker.mjs    dispatcher, email, webhooks, reminders (WORKER_PORT 3002: /health, /ready, /metrics)
#   node migrate.mjs   applies the migrations once (advisory lock) and exits
# Build from the repository root: buildah bud -f deploy/docker/realtime.Dockerfile -t tasklane-realtime .
ARG BUILD_IMAGE=node:20-bookworm-slim
ARG BASE_IMAGE=node:20-bookworm-slim

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN node scripts/release/bundle.mjs /out/realtime

FROM ${BASE_IMAGE}
ENV NODE_ENV=production REALTIME_PORT=3001 WORKER_PORT=3002
WORKDIR /app
COPY --from=build /out/realtime ./
USER 10001:10001
EXPOSE 3001 3002
CMD ["node", "realtime.mjs"]
