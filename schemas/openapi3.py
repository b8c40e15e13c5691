#!/usr/bin/env python3
"""Turn a Kubernetes release's OpenAPI v3 documents (one per group version) into one swagger 2.0 document.

Usage: openapi3.py GIT_DIR COMMIT DIRECTORY OUTPUT.json

Reads every *.json under DIRECTORY at COMMIT of the bare clone GIT_DIR (kubernetes-sigs/kubectl-validate's
pkg/openapiclient/builtins/X.Y/, which holds kubernetes/kubernetes api/openapi-spec/v3 of release X.Y) and
writes {"swagger": "2.0", "definitions": {...}}: the union of their components/schemas, written the way the
v2 spec writes them, so that normalize.py treats both alike. For 1.30, where both exist, 607 of 620 definitions
come out identical to the v2 spec; the rest differ as upstream's v2 and v3 do (v3 lists `items` as required
in some List kinds), and v2 has 6 discovery types v3 leaves out.
  * "$ref": "#/components/schemas/X" becomes "#/definitions/X", without the siblings v3 puts next to it;
  * {"allOf": [{"$ref": ...}], "description"/"default"} (v3's way of describing a reference) becomes the $ref;
  * IntOrString's oneOf [integer, string] becomes v2's {"format": "int-or-string", "type": "string"};
  * where documents disagree on a shared definition, the first in path order gives it (see below);
  * "default" is dropped (v2 has it on 2 schemas of 626; it does not validate anything).
"""
import json, subprocess, sys
git_dir, commit, directory, out = sys.argv[1:5]
prefix = directory.rstrip("/") + "/"
files = [f for f in subprocess.run(["git", "--git-dir", git_dir, "ls-tree", "-r", "--name-only", commit, prefix], capture_output=True, text=True, check=True).stdout.split() if f.endswith(".json")]
V3 = "#/components/schemas/"
def conv(x):
    if isinstance(x, list):
        return [conv(v) for v in x]
    if not isinstance(x, dict):
        return x
    if "$ref" in x:
        return {"$ref": x["$ref"].replace(V3, "#/definitions/")}
    if isinstance(x.get("allOf"), list) and len(x["allOf"]) == 1 and "$ref" in x["allOf"][0] and set(x) <= {"allOf", "description", "default"}:
        return conv(x["allOf"][0])
    if x.get("format") == "int-or-string" and "oneOf" in x:
        x = {k: v for k, v in x.items() if k != "oneOf"}; x["type"] = "string"
    out = {}
    for k, v in x.items():
        if k == "default":
            continue
        if k in ("properties", "patternProperties") and isinstance(v, dict):
            out[k] = {n: conv(s) for n, s in v.items()}
        elif k in ("items", "additionalProperties", "not", "allOf", "anyOf", "oneOf"):
            out[k] = conv(v)
        else:
            out[k] = v
    return out
defs = {}
for f in files:
    doc = json.loads(subprocess.run(["git", "--git-dir", git_dir, "show", "%s:%s" % (commit, f)], capture_output=True, check=True).stdout)
    for name, s in doc.get("components", {}).get("schemas", {}).items():
        # The first document that has a definition gives it: api/v1.json (path order puts it first) has the
        # shared meta.v1 types as the release serves them; apiregistration.k8s.io/v1.json was added to
        # kubectl-validate later and has them from a newer release (ObjectMeta without clusterName in 1.23).
        defs.setdefault(name, conv(s))
with open(out, "w", encoding="utf-8") as f:
    json.dump({"swagger": "2.0", "definitions": defs}, f, sort_keys=True)
