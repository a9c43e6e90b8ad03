# syntax=docker/dockerfile:1
# Two stages: bundle with the full toolchain, then run the bundle alone. dist/main.js is one file
# with its dependencies inlined (npm run build), so the runtime layer has no node_modules at all.
#
# BASE_IMAGE: Node 24 LTS on Debian 12. For reproducible builds pin the digest you tested, e.g.
#   --build-arg BASE_IMAGE=node:24-bookworm-slim@sha256:<digest>   (README: Container)
# An offline build substitutes a local base (scripts/test-container.sh).
ARG BASE_IMAGE=node:24-bookworm-slim

FROM ${BASE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Dev dependencies included: the bundler (esbuild, run by tsx) is one.
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts/build.ts ./scripts/
COPY src ./src
RUN npm run build -- --server-only

FROM ${BASE_IMAGE} AS runtime
# tini as PID 1: forwards SIGTERM to node (which drains in-flight requests) and reaps zombies.
# Pinned to Debian 12's package version.
ARG TINI_VERSION=0.19.0-1+b3
RUN apt-get update \
    && apt-get install -y --no-install-recommends "tini=${TINI_VERSION}" \
    && apt-get clean \
    && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin /var/log/apt /var/log/dpkg.log
# GATEWAY_SHUTDOWN_GRACE_MS below Docker's default 10 s stop timeout, so a slow drain ends by
# itself, closing what is left, before SIGKILL. Off loopback (live mode) the stop also waits
# GATEWAY_SHUTDOWN_DELAY_MS (5 s) first: run with --stop-timeout 20 (README: Container).
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    GATEWAY_SHUTDOWN_GRACE_MS=8000
WORKDIR /app
COPY --from=build /app/dist ./dist
# Read at run time: GraphiQL's default tabs, and the trusted-operations manifest at its default
# path (GATEWAY_PERSISTED_OPERATIONS=allow|require).
COPY schema/operations ./schema/operations
COPY examples/dashboard/src/generated/persisted-documents.json ./examples/dashboard/src/generated/
USER node
EXPOSE 4000
# The probe is bash alone (/dev/tcp; HTTP/1.0 so the server closes): no second Node runtime
# (~50 MiB and ~40 ms of CPU per probe for `node -e fetch(...)`). Healthy = /health answers 200.
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PORT:-4000} && printf 'GET /health HTTP/1.0\\r\\n\\r\\n' >&3 && read -r -t 2 _ status _ <&3 && [ \"$status\" = 200 ]"]
ENTRYPOINT ["/usr/bin/tini", "--"]
# Heap sizing (src/node-flags.ts): half of Node's 32 MiB young-generation semi-space keeps the
# peak RSS of 50 busy dashboard clients under bare graphql-yoga's at no measurable CPU cost
# (`npm run bench` measures this command line and Node's defaults in its memory section).
CMD ["node", "--max-semi-space-size=16", "dist/main.js"]
