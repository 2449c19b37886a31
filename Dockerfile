# syntax=docker/dockerfile:1.7
# One image per deployable, from one file:
#   docker build --build-arg DEPLOYABLE=gateway -t sanshe/gateway .
#   docker build --build-arg DEPLOYABLE=services/credits --build-arg PORT=4005 -t sanshe/credits .
# DEPLOYABLE is the workspace folder: gateway or services/<name>.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund && npm run build
# Keep what runs (manifests, dist/, contracts, tools): see infra/docker/stage.sh.
RUN sh infra/docker/stage.sh /out

FROM ${NODE_IMAGE} AS runtime
ARG DEPLOYABLE=gateway
ARG PORT=4000
ENV NODE_ENV=production HOST=0.0.0.0 PORT=${PORT} DEPLOYABLE=${DEPLOYABLE}
WORKDIR /app
COPY --from=build /out ./
# Production dependencies of this deployable only; the npm cache stays out of the image.
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund --workspace ${DEPLOYABLE}
# Nothing is written at run time: logs go to stdout, state to MongoDB and Kafka. The root
# filesystem can be mounted read-only (the chart does); node's own temp files go to /tmp.
USER node
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["sh", "-c", "exec node \"$DEPLOYABLE/dist/index.js\""]
