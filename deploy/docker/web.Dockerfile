# The web pods: Next.js (UI, REST API) and the outbox dispatcher.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000
WORKDIR /app
RUN useradd --system --uid 10001 tasklane
COPY --from=build --chown=tasklane /app/package.json /app/next.config.ts ./
COPY --from=build --chown=tasklane /app/node_modules ./node_modules
COPY --from=build --chown=tasklane /app/.next ./.next
COPY --from=build --chown=tasklane /app/public ./public
COPY --from=build --chown=tasklane /app/db/migrations ./db/migrations
USER tasklane
EXPOSE 3000
HEALTHCHECK CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "node_modules/next/dist/bin/next", "start", "-p", "3000"]
