#!/usr/bin/env python3
"""Print the file a go-bindata generated Go source embeds (one asset, gzip-compressed).

Usage: gobindata.py < swagger.go > swagger.json

kubernetes-sigs/kustomize embedded Kubernetes' api/openapi-spec/swagger.json this way
(kyaml/openapi/kubernetesapi/*/swagger.go, 2020-2021): `var _NAME = []byte("\\x1f\\x8b...")`,
the gzip stream written as \\xNN escapes. The spec itself is too large for the snapshots this
project reads; its compressed Go source is not.
"""
import codecs
import gzip
import re
import sys

source = sys.stdin.buffer.read()
literals = re.findall(rb'= \[\]byte\("((?:\\x[0-9a-f]{2})*)"\)', source)
if len(literals) != 1:
    sys.exit("gobindata.py: expected exactly one embedded asset, found %d" % len(literals))
sys.stdout.buffer.write(gzip.decompress(codecs.escape_decode(literals[0])[0]))
