#!/usr/bin/env bash
# Builds the Dockerfile with buildah (no Docker engine here), runs the image in demo mode with
# podman, queries it, and stops it with SIGTERM, expecting a clean exit.
# No registry is reachable, so the base image is made locally: a debootstrap'ed Debian with this
# machine's node, passed in as BASE_IMAGE. The base is cached in $CACHE between runs.
set -euo pipefail
cd "$(dirname "$0")/.."

CACHE=${HMS_CONTAINER_CACHE:-/var/tmp/hms-graph-container}
BASE_TAG=localhost/hms-graph-base:node20
IMAGE=localhost/hms-graph:test
NAME=hms-graph-test-$$
mkdir -p "$CACHE"

need=()
for tool in buildah podman runc debootstrap; do command -v "$tool" >/dev/null || need+=("$tool"); done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq buildah podman runc debootstrap >/dev/null
fi

# podman needs runc and lower ulimits on this kernel; keep that out of /etc.
export CONTAINERS_CONF="$CACHE/containers.conf"
cat > "$CONTAINERS_CONF" <<'CONF'
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
CONF

if ! podman image exists "$BASE_TAG"; then
  if [ ! -f "$CACHE/base.tar" ]; then
    echo "building the local base image (debootstrap, about a minute)"
    rm -rf "$CACHE/rootfs"
    debootstrap --variant=minbase bookworm "$CACHE/rootfs" http://deb.debian.org/debian >/dev/null
    install -m 0755 "$(command -v node)" "$CACHE/rootfs/usr/local/bin/node"
    npm_root=$(npm root -g)
    mkdir -p "$CACHE/rootfs/usr/local/lib/node_modules"
    cp -a "$npm_root/npm" "$CACHE/rootfs/usr/local/lib/node_modules/npm"
    ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$CACHE/rootfs/usr/local/bin/npm"
    chroot "$CACHE/rootfs" /bin/sh -c 'getent passwd node >/dev/null || useradd --create-home --uid 1000 node'
    # This machine reaches registries through an intercepting proxy: its CA bundle stands in for
    # the public trust store a real node:24 image has.
    mkdir -p "$CACHE/rootfs/etc/ssl/certs"
    cp /etc/ssl/certs/ca-certificates.crt "$CACHE/rootfs/etc/ssl/certs/ca-certificates.crt"
    tar -C "$CACHE/rootfs" -cf "$CACHE/base.tar" .
  fi
  podman import --change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' \
    --change 'ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin' \
    "$CACHE/base.tar" "$BASE_TAG" >/dev/null
fi

echo "building $IMAGE"
buildah bud --isolation chroot --network host --build-arg "BASE_IMAGE=$BASE_TAG" -t "$IMAGE" . >"$CACHE/build.log" 2>&1 ||
  { tail -40 "$CACHE/build.log"; exit 1; }

PORT=${PORT:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}
cleanup() { podman rm -f "$NAME" >/dev/null 2>&1 || true; }
trap cleanup EXIT
# Trusted operations on: the image carries the manifest at its default path.
podman run -d --name "$NAME" --network host -e "PORT=$PORT" -e GATEWAY_PERSISTED_OPERATIONS=allow "$IMAGE" >/dev/null

for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null
answer=$(curl -fsS -H 'content-type: application/json' \
  -d '{"query":"{ rooms(first: 3) { nodes { name } } }"}' "http://127.0.0.1:$PORT/graphql")
echo "$answer" | grep -q '"rooms"' || { echo "unexpected answer: $answer"; exit 1; }
user=$(podman exec "$NAME" id -un)
[ "$user" = node ] || { echo "container runs as $user, expected node"; exit 1; }

podman stop --time 15 "$NAME" >/dev/null   # SIGTERM, then SIGKILL after 15 s
code=$(podman inspect "$NAME" --format '{{.State.ExitCode}}')
podman logs "$NAME" 2>&1 | grep -q 'shutting down' || { echo "no drain on SIGTERM"; podman logs "$NAME" | tail -20; exit 1; }
[ "$code" = 0 ] || { echo "exit code $code after SIGTERM"; exit 1; }
echo "container test passed: built, answered GraphQL as user node, exited 0 on SIGTERM"
