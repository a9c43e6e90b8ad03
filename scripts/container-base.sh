# Sourced (bash) by the container tests, test-container.sh and test-compose.sh. No Docker engine
# and no registry here: Debian's buildah/podman/runc, and a local base image standing in for
# node:24-bookworm-slim — a debootstrap'ed Debian 12 with this machine's Node 24 (and npm for the
# build stage), cached in $CACHE and as the image tag between runs.
#   container_setup [PKG...]   checks Node ≥ 24, installs the tools (and PKGs) when missing,
#                              exports CONTAINERS_CONF; sets node_bin and node_version
#   container_base_image       makes $BASE_TAG unless it exists for this Node version
CACHE=${HMS_CONTAINER_CACHE:-/var/tmp/hms-graph-container}
mkdir -p "$CACHE"

container_setup() {
  node_bin=$(readlink -f "$(command -v node)")
  if [ "$("$node_bin" -p 'process.versions.node.split(".")[0]')" -lt 24 ]; then
    echo "node on PATH is $("$node_bin" --version); put Node 24 first on PATH (e.g. /opt/node24/node_modules/.bin)"
    exit 1
  fi
  node_version=$("$node_bin" --version)
  BASE_TAG=localhost/hms-graph-base:test-container-$node_version

  local need=() tool
  for tool in buildah podman runc debootstrap "$@"; do command -v "$tool" >/dev/null || need+=("$tool"); done
  if [ ${#need[@]} -gt 0 ]; then
    echo "installing ${need[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq buildah podman runc debootstrap "$@" >/dev/null
  fi

  # podman needs runc and lower ulimits on this kernel; keep that out of /etc.
  export CONTAINERS_CONF="$CACHE/containers.conf"
  cat > "$CONTAINERS_CONF" <<'CONF'
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
CONF
}

container_base_image() {
  if podman image exists "$BASE_TAG" &&
    [ "$(podman image inspect "$BASE_TAG" --format '{{index .Labels "node.version"}}')" = "$node_version" ]; then
    return 0
  fi
  if [ ! -f "$CACHE/base-$node_version.tar" ]; then
    echo "building the local base image (debootstrap, about a minute)"
    rm -rf "$CACHE/rootfs"
    debootstrap --variant=minbase bookworm "$CACHE/rootfs" http://deb.debian.org/debian >/dev/null
    install -m 0755 "$node_bin" "$CACHE/rootfs/usr/local/bin/node"
    # The npm this machine runs (bin/npm-cli.js inside its package folder).
    local npm_dir
    npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
    mkdir -p "$CACHE/rootfs/usr/local/lib/node_modules"
    cp -a "$npm_dir" "$CACHE/rootfs/usr/local/lib/node_modules/npm"
    ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$CACHE/rootfs/usr/local/bin/npm"
    chroot "$CACHE/rootfs" /bin/sh -c 'getent passwd node >/dev/null || useradd --create-home --uid 1000 node'
    # This machine reaches registries through an intercepting proxy: its CA bundle stands in for
    # the public trust store a real node:24 image has.
    mkdir -p "$CACHE/rootfs/etc/ssl/certs"
    cp /etc/ssl/certs/ca-certificates.crt "$CACHE/rootfs/etc/ssl/certs/ca-certificates.crt"
    tar -C "$CACHE/rootfs" -cf "$CACHE/base-$node_version.tar" .
    rm -rf "$CACHE/rootfs"
  fi
  podman import --change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' \
    --change 'ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change "LABEL node.version=$node_version" \
    "$CACHE/base-$node_version.tar" "$BASE_TAG" >/dev/null
}
