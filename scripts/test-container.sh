#!/usr/bin/env bash
# Builds the Dockerfile with buildah in Docker format (the OCI format drops HEALTHCHECK), runs the
# image in demo mode with podman, waits for its health check to report healthy, queries it, and
# stops it with SIGTERM, expecting exit 0 within the grace period. Prints the image size; removes
# every image and container it made (the cached base image stays, see below).
# No registry is reachable here, so the base image is made locally (scripts/container-base.sh,
# shared with test-compose.sh) and passed in as BASE_IMAGE.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/container-base.sh
container_setup
container_base_image
IMAGE=localhost/hms-graph:test-$$
NAME=hms-graph-test-$$
STOP_TIMEOUT=10   # Docker's default; the image's GATEWAY_SHUTDOWN_GRACE_MS (8 s) is below it

dangling_before=$(podman images -q --filter dangling=true | sort)
cleanup() {
  podman rm -f "$NAME" >/dev/null 2>&1 || true
  podman rmi -f "$IMAGE" >/dev/null 2>&1 || true
  # The build stage's image is left untagged by the build: remove the ones this run made.
  comm -13 <(echo "$dangling_before") <(podman images -q --filter dangling=true | sort) |
    xargs -r podman rmi -f >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "building $IMAGE (Docker format, so HEALTHCHECK is kept)"
buildah bud --format docker --isolation chroot --network host \
  --build-arg "BASE_IMAGE=$BASE_TAG" -t "$IMAGE" . >"$CACHE/build.log" 2>&1 ||
  { tail -40 "$CACHE/build.log"; exit 1; }
if grep -q 'EBADENGINE\|Unsupported engine' "$CACHE/build.log"; then
  echo "engine warnings in the build:"; grep 'EBADENGINE\|Unsupported engine' "$CACHE/build.log" | head; exit 1
fi
if grep -qi 'HEALTHCHECK is not supported' "$CACHE/build.log"; then echo "HEALTHCHECK dropped by the build"; exit 1; fi
[ -n "$(podman image inspect "$IMAGE" --format '{{.HealthCheck}}' 2>/dev/null | grep -v '^<nil>$')" ] ||
  { echo "the image has no health check"; exit 1; }
podman run --rm --entrypoint /bin/sh "$IMAGE" -c 'test ! -e /app/node_modules && test -f /app/dist/main.js' 2>/dev/null ||
  { echo "the runtime layer has node_modules, or no dist/main.js"; exit 1; }

PORT=${PORT:-$("$node_bin" -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}
# Trusted operations on: the image carries the manifest at its default path.
# (podman complains on stderr that it has no systemd to schedule the health check: see below.)
podman run -d --name "$NAME" --network host -e "PORT=$PORT" -e GATEWAY_PERSISTED_OPERATIONS=allow "$IMAGE" >/dev/null 2>&1

# Without systemd, podman does not schedule health checks itself: run the image's check as the
# scheduler would, until it passes (the first ones may fail while the process starts).
healthy=
for _ in $(seq 1 50); do
  if podman healthcheck run "$NAME" >/dev/null 2>&1; then healthy=1; break; fi
  sleep 0.2
done
status=$(podman inspect "$NAME" --format '{{.State.Health.Status}}' 2>/dev/null || podman inspect "$NAME" --format '{{.State.Healthcheck.Status}}')
[ -n "$healthy" ] && [ "$status" = healthy ] ||
  { echo "container not healthy (status: $status)"; podman logs "$NAME" 2>&1 | tail -20; exit 1; }

answer=$(curl -fsS -H 'content-type: application/json' \
  -d '{"query":"{ rooms(first: 3) { nodes { name } } }"}' "http://127.0.0.1:$PORT/graphql")
grep -q '"rooms"' <<<"$answer" || { echo "unexpected answer: $answer"; exit 1; }
user=$(podman exec "$NAME" id -un)
[ "$user" = node ] || { echo "container runs as $user, expected node"; exit 1; }

started=$(date +%s%N)
podman stop --time "$STOP_TIMEOUT" "$NAME" >/dev/null 2>&1   # SIGTERM, then SIGKILL after the timeout
stop_ms=$(( ($(date +%s%N) - started) / 1000000 ))
code=$(podman inspect "$NAME" --format '{{.State.ExitCode}}')
# Into a variable first: with pipefail, grep -q closing the pipe early would fail `podman logs`.
logs=$(podman logs "$NAME" 2>&1)
grep -q 'shutting down' <<<"$logs" || { echo "no drain on SIGTERM"; tail -20 <<<"$logs"; exit 1; }
[ "$code" = 0 ] || { echo "exit code $code after SIGTERM"; exit 1; }
[ "$stop_ms" -lt $((STOP_TIMEOUT * 1000)) ] || { echo "stop took $stop_ms ms: killed at the timeout?"; exit 1; }

size=$(podman image inspect "$IMAGE" --format '{{.Size}}')
base_size=$(podman image inspect "$BASE_TAG" --format '{{.Size}}')
app=$(podman run --rm --entrypoint /bin/sh "$IMAGE" -c 'du -sk /app | cut -f1' 2>/dev/null)
echo "image $IMAGE: $((size / 1000000)) MB ($(( (size - base_size) / 1000000 )) MB above the base image); /app $((app / 1024)) MiB, no node_modules"
echo "container test passed: Docker-format build with no engine warnings, healthy, answered GraphQL as user node, exited 0 on SIGTERM in $stop_ms ms"
