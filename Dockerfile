# The shipshape image: the static NativeAOT binary and nothing else (no shell, no libc, no CA certificates: the tool
# makes no connections). Built from a binary published beforehand, so building the image pulls nothing:
#
#   scripts/build-image.sh                      # publishes linux-x64 and builds with podman, buildah or docker
#   podman run --rm -v "$PWD:/work:ro" shipshape lint k8s/
#
# The release workflow lays out both architectures under artifacts/container/<arch>/ and builds linux/amd64 and
# linux/arm64 with buildx, which sets TARGETARCH per platform.
FROM scratch
ARG TARGETARCH=amd64
COPY artifacts/container/${TARGETARCH}/shipshape /usr/local/bin/shipshape
WORKDIR /work
ENTRYPOINT ["/usr/local/bin/shipshape"]
CMD ["--help"]
