# Production images for docker-compose.yml. One build stage; three small runtime targets.
# Native modules (re2, the regular-expression engine for province-added patterns) compile here when no
# prebuilt binary matches: the toolchain stays in the build stages, never in the runtime image.
FROM node:20-bookworm-slim AS toolchain
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*

FROM toolchain AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY . .
ENV NX_DAEMON=false NX_NO_CLOUD=true
RUN npx nx run-many -t build --output-style=static \
 && npx nx run worker:bundle-workflows --output-style=static

FROM toolchain AS server-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --loglevel=error

# api, worker and the one-shot migrate job share this image; the command picks the role.
FROM node:20-bookworm-slim AS server
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json nx.json tsconfig.base.json ./
COPY --from=server-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The audit checkpoint volume mounts here; a new named volume takes this directory's owner.
RUN mkdir -p /var/lib/gugus/audit-checkpoints && chown node:node /var/lib/gugus/audit-checkpoints
USER node
CMD ["node", "dist/apps/api/src/main.js"]

# The web app as static files behind nginx, which also proxies /api/ to the API.
FROM nginx:1.27-alpine AS web
COPY deploy/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/dist/apps/web /usr/share/nginx/html
