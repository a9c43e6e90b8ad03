# Sourced by the container tests (bash). No Docker engine or registry here: buildah/podman/runc
# from Debian, and a local base image standing in for node:24-bookworm-slim — a debootstrap'ed
# Debian with this machine's node and npm, cached in $CACHE between runs.
#   container_setup            installs the tools when missing; exports CONTAINERS_CONF
#   container_base_image TAG   makes TAG (the local base) unless it exists
CACHE=${HMS_CONTAINER_CACHE:-/var/tmp/hms-graph-container}
mkdir -p "$CACHE"

container_setup() {
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
  local tag=$1 tar="$CACHE/base-$(node --version).tar"
  podman image exists "$tag" && return 0
  if [ ! -f "$tar" ]; then
    echo "building the local base image (debootstrap, about a minute)"
    if [ ! -f "$CACHE/rootfs/.debootstrapped" ]; then
      rm -rf "$CACHE/rootfs"
      debootstrap --variant=minbase bookworm "$CACHE/rootfs" http://deb.debian.org/debian >/dev/null
      touch "$CACHE/rootfs/.debootstrapped"
    fi
    install -m 0755 "$(command -v node)" "$CACHE/rootfs/usr/local/bin/node"
    # npm's own folder (…/npm/bin/npm-cli.js → …/npm), wherever this machine's npm lives.
    local npm_dir
    npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
    mkdir -p "$CACHE/rootfs/usr/local/lib/node_modules"
    rm -rf "$CACHE/rootfs/usr/local/lib/node_modules/npm"
    cp -a "$npm_dir" "$CACHE/rootfs/usr/local/lib/node_modules/npm"
    ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$CACHE/rootfs/usr/local/bin/npm"
    chroot "$CACHE/rootfs" /bin/sh -c 'getent passwd node >/dev/null || useradd --create-home --uid 1000 node'
    # This machine reaches registries through an intercepting proxy: its CA bundle stands in for
    # the public trust store a real node:24 image has.
    mkdir -p "$CACHE/rootfs/etc/ssl/certs"
    cp /etc/ssl/certs/ca-certificates.crt "$CACHE/rootfs/etc/ssl/certs/ca-certificates.crt"
    tar -C "$CACHE/rootfs" -cf "$tar.tmp" . && mv "$tar.tmp" "$tar"
  fi
  podman import --change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' \
    --change 'ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin' \
    "$tar" "$tag" >/dev/null
}
