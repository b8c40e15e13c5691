#!/usr/bin/env bash
# Builds the shipshape container image (Dockerfile: FROM scratch + the static binary) for this machine's
# architecture, with the first of podman, buildah and docker found. Pulls no image.
#   scripts/build-image.sh [TAG]      (default tag: shipshape:dev)
set -euo pipefail
cd "$(dirname "$0")/.."
tag=${1:-shipshape:dev}

case "$(uname -m)" in
  x86_64) rid=linux-x64; arch=amd64 ;;
  aarch64|arm64) rid=linux-arm64; arch=arm64 ;;
  *) echo "build-image.sh: no NativeAOT runtime identifier for $(uname -m)" >&2; exit 2 ;;
esac

dotnet publish src/Shipshape.Cli -c Release -r "$rid" -p:PublishAot=true -o "artifacts/aot/$rid" -nologo -v quiet
mkdir -p "artifacts/container/$arch"
cp "artifacts/aot/$rid/shipshape" "artifacts/container/$arch/shipshape"

if command -v podman >/dev/null; then
  podman build --pull=never --build-arg "TARGETARCH=$arch" -t "$tag" .
elif command -v buildah >/dev/null; then
  buildah bud --pull-never --build-arg "TARGETARCH=$arch" -t "$tag" .
elif command -v docker >/dev/null; then
  docker build --pull=false --build-arg "TARGETARCH=$arch" -t "$tag" .
else
  echo "build-image.sh: install podman, buildah or docker to build the image" >&2
  exit 2
fi
