# tasklane-web: Next.js (UI, REST API) on its standalone server. Web pods run with RUN_WORKERS=false;
# the worker and the migrations are in tasklane-realtime. Build from the repository root:
#   buildah bud -f deploy/docker/web.Dockerfile -t tasklane-web .
# BUILD_IMAGE needs node and npm; BASE_IMAGE only node on PATH (scripts/release/build-images.sh
# assembles both locally where Docker Hub is out of reach).
ARG BUILD_IMAGE=node:20-bookworm-slim
ARG BASE_IMAGE=node:20-bookworm-slim

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN sh scripts/release/build.sh /out

FROM ${BASE_IMAGE}
ENV NODE_ENV=production PORT=3000 HOSTNAME=0.0.0.0 NEXT_TELEMETRY_DISABLED=1 RUN_WORKERS=false
WORKDIR /app
# Owned by root and only readable by the app's user: the root file system can be read-only.
COPY --from=build /out/web ./
USER 10001:10001
EXPOSE 3000
CMD ["node", "server.js"]
