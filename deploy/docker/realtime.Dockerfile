# The realtime pods: the Socket.IO sidecar with the Redis adapter.
FROM node:20-bookworm-slim
ENV NODE_ENV=production REALTIME_PORT=3001
WORKDIR /app
RUN useradd --system --uid 10001 tasklane
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY --chown=tasklane tsconfig.json ./
COPY --chown=tasklane config ./config
COPY --chown=tasklane server ./server
COPY --chown=tasklane db ./db
COPY --chown=tasklane realtime ./realtime
COPY --chown=tasklane startup ./startup
USER tasklane
EXPOSE 3001
CMD ["npx", "tsx", "realtime/main.ts"]
