#!/usr/bin/env python3
"""Normalise an upstream Kubernetes OpenAPI v2 (swagger 2.0) spec for Shipshape.

Usage: normalize.py INPUT.json OUTPUT.json

Output: {"definitions": {NAME: SCHEMA, ...}} with
  * everything except the top-level "definitions" dropped (paths, info, security, ...);
  * the "description" keyword removed from every schema object (schema-aware:
    a *property* called "description", e.g. in JSONSchemaProps, is kept);
  * all other keywords and x-kubernetes-* extensions kept verbatim;
  * keys sorted recursively, ASCII only, LF line endings, trailing newline;
  * layout: one definition per line, so that diffs between versions stay readable.
"""
import json
import sys

# Keywords whose value is a map of NAME -> schema.
SCHEMA_MAPS = ("properties", "patternProperties", "definitions")
# Keywords whose value is a schema (or, for some, a boolean / list of schemas).
SCHEMA_VALUES = ("items", "additionalProperties", "additionalItems", "not")
SCHEMA_LISTS = ("allOf", "anyOf", "oneOf")


def norm(schema):
    if not isinstance(schema, dict):
        return schema
    out = {}
    for key, value in schema.items():
        if key == "description":
            continue
        if key in SCHEMA_MAPS and isinstance(value, dict):
            out[key] = {name: norm(sub) for name, sub in value.items()}
        elif key in SCHEMA_VALUES:
            if isinstance(value, list):
                out[key] = [norm(sub) for sub in value]
            else:
                out[key] = norm(value)
        elif key in SCHEMA_LISTS and isinstance(value, list):
            out[key] = [norm(sub) for sub in value]
        else:
            # enum, required, default, example, x-kubernetes-* ...: verbatim.
            out[key] = value
    return out


def dump(obj):
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    with open(argv[1], "rb") as f:
        spec = json.loads(f.read().decode("utf-8"))
    if spec.get("swagger") != "2.0" or not isinstance(spec.get("definitions"), dict):
        sys.stderr.write("normalize.py: %s is not a swagger 2.0 spec with definitions\n" % argv[1])
        return 1
    defs = {name: norm(s) for name, s in spec["definitions"].items()}
    lines = ['{"definitions":{']
    names = sorted(defs)
    for i, name in enumerate(names):
        sep = "," if i + 1 < len(names) else ""
        lines.append(dump(name) + ":" + dump(defs[name]) + sep)
    lines.append("}}")
    text = "\n".join(lines) + "\n"
    # Sanity: the layout must still be the same JSON.
    assert json.loads(text) == {"definitions": defs}
    with open(argv[2], "wb") as f:
        f.write(text.encode("ascii"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
