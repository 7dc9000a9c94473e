# syntax=docker/dockerfile:1
# Boka's image. Stages: deps (npm ci from the lockfile) → build (next build, standalone output) →
# tools (full source and dev dependencies: migrations and the worker run here) → runtime (the web
# server only: Next's traced standalone bundle, non-root, with a healthcheck).

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build

# `docker compose` runs the one-shot migrations (npm run db:migrate) and the worker (npm run worker)
# from this stage: they are tsx scripts over lib/, which the standalone bundle does not carry.
FROM build AS tools
ENV NODE_ENV=production
USER node

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 \
    PORT=3000
RUN groupadd --system --gid 1001 boka && useradd --system --uid 1001 --gid boka --home-dir /app boka
COPY --from=build --chown=boka:boka /app/.next/standalone ./
COPY --from=build --chown=boka:boka /app/.next/static ./.next/static
# serve.mjs, not the standalone server.js: it drops client-sent forwarding headers unless TRUST_PROXY
# is set, and writes the per-request log line and metrics.
COPY --from=build --chown=boka:boka /app/scripts/serve.mjs ./scripts/serve.mjs
COPY --from=build --chown=boka:boka /app/supabase/migrations ./supabase/migrations
USER boka
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "scripts/serve.mjs"]
