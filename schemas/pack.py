#!/usr/bin/env python3
"""Store the normalised definitions of every Kubernetes version once, and index each version.

Usage:
  pack.py build OUTDIR X.Y=NORMALISED.json ...   write OUTDIR/definitions.lines and OUTDIR/X.Y.index
  pack.py unpack OUTDIR X.Y OUTPUT.json          rebuild X.Y's normalised file (byte for byte) from OUTDIR

Versions share most definitions (24 versions, 6.3 MB of normalised files, hold about 1.3 MB of distinct
definitions), so a definition is stored once however many versions have it:

definitions.lines: one `"NAME":{...}` line per distinct (name, schema), in byte order of the line, so the
  lines of one name are adjacent and names are sorted. Nothing else: no header, LF after every line.
X.Y.index (ASCII, LF):
  line 1: `definitions N`
  N lines: the byte offset in definitions.lines of the version's definition, 8 hex digits, in name order
    (hence also in offset order): fixed width, so the engine finds entry i without reading the others and
    binary-searches names through the offsets.
  line `kinds`, then one line per group/version/kind that a definition lists alone in
    x-kubernetes-group-version-kind: `APIVERSION KIND OFFSET`, sorted; the served kinds of the version
    (a definition listing several kinds, such as DeleteOptions or WatchEvent, is not the schema of any).
"""
import json
import sys

GVK = "x-kubernetes-group-version-kind"


def definition_lines(path):
    """The `"NAME":{...}` lines of a normalised file (see normalize.py), trailing commas removed."""
    with open(path, "rb") as f:
        text = f.read().decode("ascii")
    lines = text.split("\n")
    if lines[0] != '{"definitions":{' or lines[-2:] != ["}}", ""]:
        raise SystemExit("pack.py: %s is not in the normalised layout" % path)
    return [line[:-1] if line.endswith(",") else line for line in lines[1:-2]]


def single_kind(line):
    schema = json.loads("{" + line + "}")
    (name, body), = schema.items()
    gvks = body.get(GVK) if isinstance(body, dict) else None
    if isinstance(gvks, list) and len(gvks) == 1 and isinstance(gvks[0], dict):
        g = gvks[0]
        api_version = g.get("version", "") if not g.get("group") else "%s/%s" % (g["group"], g.get("version", ""))
        return "%s %s" % (api_version, g.get("kind", ""))
    return None


def build(outdir, pairs):
    versions = {}
    for pair in pairs:
        version, path = pair.split("=", 1)
        versions[version] = definition_lines(path)
    distinct = sorted({line.encode("ascii") for lines in versions.values() for line in lines})
    offsets, position = {}, 0
    with open("%s/definitions.lines" % outdir, "wb") as f:
        for line in distinct:
            offsets[line] = position
            f.write(line + b"\n")
            position += len(line) + 1
    assert position < 16 ** 8
    for version, lines in versions.items():
        entries = [offsets[line.encode("ascii")] for line in lines]
        assert entries == sorted(entries), version
        kinds = {}
        for line in lines:
            kind = single_kind(line)
            if kind is not None:
                # As the engine did before: when two definitions list one kind alone, the later name's wins.
                kinds[kind] = offsets[line.encode("ascii")]
        out = ["definitions %d" % len(entries)] + ["%08x" % e for e in entries] + ["kinds"]
        out += ["%s %08x" % (kind, kinds[kind]) for kind in sorted(kinds)]
        with open("%s/%s.index" % (outdir, version), "wb") as f:
            f.write(("\n".join(out) + "\n").encode("ascii"))


def unpack(outdir, version, output):
    with open("%s/definitions.lines" % outdir, "rb") as f:
        shared = f.read()
    with open("%s/%s.index" % (outdir, version), "rb") as f:
        index = f.read().decode("ascii").split("\n")
    count = int(index[0].split(" ")[1])
    lines = []
    for entry in index[1:1 + count]:
        start = int(entry, 16)
        lines.append(shared[start:shared.index(b"\n", start)].decode("ascii"))
    assert index[1 + count] == "kinds", version
    text = '{"definitions":{\n' + ",\n".join(lines) + "\n}}\n"
    with open(output, "wb") as f:
        f.write(text.encode("ascii"))


def main(argv):
    if len(argv) >= 4 and argv[1] == "build":
        build(argv[2], argv[3:])
    elif len(argv) == 5 and argv[1] == "unpack":
        unpack(argv[2], argv[3], argv[4])
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
