# syntax=docker/dockerfile:1
# agent-governance: the production image. Build: docker build -t agent-governance .
# Run:  docker run -p 3000:3000 -v agent-governance-data:/data \
#         -e APP_ID=… -e PRIVATE_KEY="$(cat key.pem)" -e WEBHOOK_SECRET=… agent-governance
# Configuration is the environment only (README.md, "Configuration"); nothing secret is baked in.

# ---- build: dependencies with dev tools, TypeScript compiled, dev dependencies pruned ----
FROM node:20-slim AS build
WORKDIR /app
# better-sqlite3 is native: its prebuilt binary is normally downloaded, these build it when not.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# The lockfile names the GitHub simulator workspace, so `npm ci` needs its manifest; the
# simulator's code stays out of the build context (.dockerignore) and its dependencies are
# all development ones.
COPY packages/github-simulator/package.json ./packages/github-simulator/
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# --workspaces=false also drops the link to the simulator workspace from node_modules.
RUN npx tsc -p tsconfig.build.json \
 && npm prune --omit=dev --workspaces=false --no-audit --no-fund \
 && npm cache clean --force

# ---- runtime: production dependencies and compiled code, run as the unprivileged `node` user ----
FROM node:20-slim
# A 2 MiB young generation keeps peak memory under load ~50 MB lower at no throughput cost, and
# --optimize-for-size (in CMD: Node refuses it in NODE_OPTIONS) lets V8 collect the old generation
# sooner (bench/RESULTS.md); the same defaults as `npm start`. Override with -e NODE_OPTIONS=….
ENV NODE_ENV=production \
    NODE_OPTIONS=--max-semi-space-size=2 \
    HOST=0.0.0.0 \
    PORT=3000 \
    GOVERNANCE_DATA_DIR=/data
WORKDIR /app
# Code and dependencies stay owned by root: the process cannot rewrite itself.
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/src ./dist/src
COPY app.yml ./
# The SQLite ledger (when DATABASE_URL is not set) lives on this volume.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
# 200 while the ledger (and Redis, when configured) answers; 503 otherwise.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node as PID 1: the server handles SIGTERM itself (finishes queued evaluations, then exits).
CMD ["node", "--optimize-for-size", "dist/src/server.js"]
