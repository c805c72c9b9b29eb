# syntax=docker/dockerfile:1
# The withme image: one image for every role (`all`, `api`, `projector`, `worker`), chosen by the
# command. Node 24 runs the TypeScript sources directly, so only the web client is built.

FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:24-slim AS runtime
ENV NODE_ENV=production WITHME_ENV=production WITHME_DATA_DIR=/data
WORKDIR /app
RUN groupadd --system --gid 10001 withme \
  && useradd --system --uid 10001 --gid withme --home-dir /app --no-create-home withme \
  && mkdir -p /data \
  && chown withme:withme /data
COPY package.json package-lock.json ./
RUN npm ci --omit=dev \
  && npm cache clean --force
COPY src ./src
COPY projections ./projections
COPY schema.graphql ./
COPY --from=build /app/client/dist ./client/dist
USER 10001:10001
EXPOSE 4000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.HEALTH_PORT || process.env.PORT || 4000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# A young generation of 64 MB per semi-space: a rebuild or a projector catching up allocates
# short-lived rows and events by the hundred megabytes, and the default's frequent scavenges cost
# a sixth of a full rebuild's CPU. npm scripts and the benchmarks start node the same way.
ENTRYPOINT ["node", "--max-semi-space-size=64", "src/main.ts"]
CMD ["all"]
