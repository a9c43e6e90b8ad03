#!/usr/bin/env bash
# npm run test:compose: deploy/compose.yaml for real, with Debian's podman-compose: builds the
# gateway image from the Dockerfile and a Redis image (no registry is reachable: both on the local
# base of scripts/container-base.sh), brings up the two replicas, Redis and the 100ms emulator,
# runs the health checks, then scripts/compose-check.ts (webhook A → subscriber
# on B, cache invalidation across replicas, one caller's limit shared), and takes it all down.
# Minutes; not part of npm test or .ci/run.
#
# deploy/compose.yaml runs as shipped, on its own project network; scripts/compose.emulator.yaml
# only adds the emulator as a service there. Replicas and the emulator are published on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/container-base.sh
container_setup podman-compose
container_base_image
IMAGE=localhost/hms-graph:compose-test-$$
REDIS_IMAGE=localhost/hms-graph-redis:compose-test-$node_version
PROJECT=hms-graph-compose-test-$$
WORK=$(mktemp -d)

echo "building $IMAGE (Docker format: the gateways' health check is the image's HEALTHCHECK)"
buildah bud --format docker --isolation chroot --network host --build-arg "BASE_IMAGE=$BASE_TAG" -t "$IMAGE" . \
  >"$CACHE/compose-build.log" 2>&1 || { tail -40 "$CACHE/compose-build.log"; exit 1; }
if ! podman image exists "$REDIS_IMAGE"; then
  echo "building $REDIS_IMAGE"
  printf 'FROM %s\nRUN apt-get update && apt-get install -y --no-install-recommends redis-server && rm -rf /var/lib/apt/lists/*\nUSER nobody\n' \
    "$BASE_TAG" >"$WORK/Containerfile.redis"
  buildah bud --isolation chroot --network host -f "$WORK/Containerfile.redis" -t "$REDIS_IMAGE" "$WORK" \
    >"$CACHE/compose-redis-build.log" 2>&1 || { tail -40 "$CACHE/compose-redis-build.log"; exit 1; }
fi

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
A_PORT=$(free_port) B_PORT=$(free_port)
export EMULATOR_PORT=$(free_port) GATEWAY_A_PORT=127.0.0.1:$A_PORT GATEWAY_B_PORT=127.0.0.1:$B_PORT
export HMS_GRAPH_IMAGE=$IMAGE REDIS_IMAGE EMULATOR_IMAGE=$BASE_TAG REPO_DIR=$PWD
export HMS_WEBHOOK_SECRET=compose-test-webhook-$RANDOM$RANDOM
export GATEWAY_JWT_SECRET=compose-test-jwt-secret-$RANDOM$RANDOM-0123456789abcdef
export GATEWAY_METRICS_TOKEN=compose-test-metrics-$RANDOM$RANDOM
export GATEWAY_CALLER_CALLS_PER_MINUTE=8
export HMS_API_URL=http://emulator:4010/v2
export LOG_LEVEL=warn
# The emulator serves its fixed demo credentials.
read -r HMS_ACCESS_KEY HMS_SECRET < <(node --import tsx -e \
  "const { DEMO_CREDENTIALS: c } = await import('./src/emulator/index.ts'); console.log(c.accessKey, c.secret)")
export HMS_ACCESS_KEY HMS_SECRET

compose() { podman-compose -p "$PROJECT" -f deploy/compose.yaml -f scripts/compose.emulator.yaml "$@"; }
container() { echo "${PROJECT}_$1_1"; }
logs() { for s in emulator redis gateway-a gateway-b; do echo "--- $s"; podman logs "$(container "$s")" 2>&1 | tail -20; done; }
cleanup() {
  compose down >/dev/null 2>&1 || true
  podman network rm "${PROJECT}_default" >/dev/null 2>&1 || true   # podman-compose 1.0.3 leaves it
  podman rmi -f "$IMAGE" >/dev/null 2>&1 || true   # the Redis image stays cached
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "starting $PROJECT: gateway-a on :$A_PORT, gateway-b on :$B_PORT, redis, emulator on :$EMULATOR_PORT"
compose up -d >"$WORK/up.log" 2>&1 || { cat "$WORK/up.log"; exit 1; }

# Health checks, as the compose file (Redis) and the image (gateways) declare them; without
# systemd podman does not schedule them, so run each as the scheduler would until it passes.
for service in redis gateway-a gateway-b; do
  ok=
  for _ in $(seq 1 120); do
    if podman healthcheck run "$(container "$service")" >/dev/null 2>&1; then ok=1; break; fi
    sleep 0.5
  done
  [ -n "$ok" ] || { echo "health check of $service never passed"; logs; exit 1; }
  echo "ok  $service health check"
done

GATEWAY_A_URL=http://127.0.0.1:$A_PORT GATEWAY_B_URL=http://127.0.0.1:$B_PORT \
  EMULATOR_ORIGIN=http://127.0.0.1:$EMULATOR_PORT \
  node --import tsx scripts/compose-check.ts || { logs; exit 1; }

for service in gateway-a gateway-b; do
  podman stop --time 25 "$(container "$service")" >/dev/null 2>&1  # (podman warns: no systemd for health timers)
  code=$(podman inspect "$(container "$service")" --format '{{.State.ExitCode}}')
  [ "$code" = 0 ] || { echo "$service exited $code after SIGTERM"; logs; exit 1; }
done
echo "compose test passed: deploy/compose.yaml's two replicas and Redis healthy, sharing webhook events, cache invalidation and one caller's limit; clean exit on SIGTERM"
