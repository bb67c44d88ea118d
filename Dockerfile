# syntax=docker/dockerfile:1
# One image recipe for every app; APP picks which one runs:
#   docker build --build-arg APP=control-plane -t dsaas/control-plane .
# Apps: tenant-manager provision-manager activity-agent control-plane identity-hub issuer-service data-plane
#       auth-server platform

ARG NODE_IMAGE=node:20-slim

# ---- build: full dependencies, TypeScript compiled to dist/ ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# The lockfile is written by npm 11; use the same major so `npm ci` reads it the same way.
RUN npm install -g npm@11 --no-fund --no-audit
COPY package.json package-lock.json ./
RUN npm ci --no-fund --no-audit
COPY tsconfig.json tsconfig.base.json tsconfig.build.json ./
COPY tools ./tools
COPY libs ./libs
COPY apps ./apps
RUN npm run build

# ---- runtime: production dependencies and the compiled output only, non-root ----
FROM ${NODE_IMAGE} AS runtime
ARG APP=platform
ENV APP=${APP} \
    NODE_ENV=production \
    NODE_OPTIONS=--enable-source-maps
WORKDIR /app
RUN npm install -g npm@11 --no-fund --no-audit
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-fund --no-audit && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY tsconfig.base.json ./
COPY tools/register-paths.js ./tools/register-paths.js
COPY docker/healthcheck.js ./docker/healthcheck.js
# The platform app keeps its embedded database under .data/; nothing else is writable.
RUN mkdir -p /app/.data && chown -R 1000:1000 /app/.data
# Numeric uid (the image's `node` user) so Kubernetes can verify runAsNonRoot.
USER 1000:1000
EXPOSE 8080-8087
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["node", "docker/healthcheck.js"]
# exec: node is PID 1 and receives SIGTERM for a graceful shutdown.
CMD ["sh", "-c", "exec node -r ./tools/register-paths.js dist/apps/${APP}/src/main.js"]
