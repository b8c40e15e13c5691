#!/usr/bin/env python3
"""Write kubeconform's schema directory for one Kubernetes version from a swagger 2.0 spec.

    openapi2jsonschema.py SPEC OUTDIR [K8S_VERSION]
    e.g. openapi2jsonschema.py 1.36.json bench/out/tools/kubeconform-schemas 1.36.0 (1.36.json from schemas/pack.py unpack)

writes OUTDIR/v<K8S_VERSION>-standalone-strict/<kind>[-<group>]-<version>.json, the layout of
yannh/kubernetes-json-schema that `kubeconform -schema-location OUTDIR -strict
-kubernetes-version K8S_VERSION` reads. It reimplements what that repository's build runs,
`openapi2jsonschema --expanded --kubernetes --stand-alone --strict` (yannh's fork of
instrumenta/openapi2jsonschema), as observed in its published v1.x-standalone-strict files:

1. kubernetes: IntOrString becomes oneOf string|integer, Quantity oneOf string|number; the
   apiVersion and kind properties of every definition carrying x-kubernetes-group-version-kind
   get an enum of its group versions and kinds.
2. strict: every schema reachable through objects (not arrays) that has `properties` and no
   `additionalProperties` gets `additionalProperties: false`.
3. per definition: `$schema: http://json-schema.org/schema#`, default type object, top-level
   `additionalProperties: false`; every $ref replaced by the (step 1-2) definition it names,
   siblings dropped, as jsonref does. Named by the definition, not the GVK: kind = last name
   part, group = third from last ("core" is omitted), version = second from last, lower case.
4. in `properties`, every `type` string becomes [type, "null"] unless the property is listed in
   `required` of the object two levels up (the fork's allow_null_optional_fields).

Skipped as upstream does: the deprecated io.k8s.kubernetes.pkg.* aliases and the CRD/JSONSchemaProps
family (self-referencing, so no standalone form: kubeconform reports "could not find schema for
CustomResourceDefinition"). Works on schemas/kubernetes/*.json (descriptions stripped) and on
an upstream swagger.json alike; only the size of the files differs.
"""
import copy
import json
import os
import sys

INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString"
QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity"
# Upstream's list of kinds it cannot de-reference (they embed JSON schema recursively).
UNSUPPORTED_STANDALONE = {
    "jsonschemaprops", "jsonschemapropsorarray", "customresourcevalidation",
    "customresourcedefinition", "customresourcedefinitionspec", "customresourcedefinitionlist",
    "jsonschemapropsorstringarray", "jsonschemapropsorbool",
}


def add_kubernetes_enums(definitions):
    for schema in definitions.values():
        properties = schema.get("properties", {})
        for gvk in schema.get("x-kubernetes-group-version-kind", []):
            api_version = gvk["group"] + "/" + gvk["version"] if gvk["group"] else gvk["version"]
            for name, value in (("apiVersion", api_version), ("kind", gvk["kind"])):
                if name in properties:
                    enum = properties[name].setdefault("enum", [])
                    if value not in enum:
                        enum.append(value)


def deny_additional_properties(node):
    """Step 2: recurse through dict values only, like upstream's additional_properties."""
    for value in node.values():
        if isinstance(value, dict):
            if "properties" in value and "additionalProperties" not in value:
                value["additionalProperties"] = False
            deny_additional_properties(value)


class Cycle(Exception):
    pass


def inline_refs(node, definitions, stack=()):
    if isinstance(node, list):
        return [inline_refs(item, definitions, stack) for item in node]
    if not isinstance(node, dict):
        return node
    if isinstance(node.get("$ref"), str):  # not a property named "$ref" (JSONSchemaProps)
        name = node["$ref"].rsplit("/", 1)[-1]
        if name in stack:
            raise Cycle(name)
        return inline_refs(definitions[name], definitions, stack + (name,))
    return {key: inline_refs(value, definitions, stack) for key, value in node.items()}


def allow_null_optional(node, parent=None, grand_parent=None, key=None):
    """Step 4, with upstream's parent/grand-parent bookkeeping (lists pass themselves as parent)."""
    if not isinstance(node, dict):
        return node
    result = {}
    for k, v in node.items():
        if isinstance(v, dict):
            v = allow_null_optional(v, node, parent, k)
        elif isinstance(v, list):
            v = [allow_null_optional(item, v, parent, k) for item in v]
        elif k == "type" and isinstance(v, str) and v != "null":
            required = isinstance(grand_parent, dict) and key in grand_parent.get("required", [])
            if not required:
                v = [v, "null"]
        result[k] = v
    return result


def file_name(title):
    parts = title.split(".")
    kind, group, version = parts[-1].lower(), parts[-3].lower(), parts[-2].lower()
    return f"{kind}-{version}" if group in ("core", "api") else f"{kind}-{group}-{version}"


def main(spec_path, out_dir, k8s_version="1.36.0"):
    definitions = json.load(open(spec_path, encoding="utf-8"))["definitions"]
    definitions[INT_OR_STRING] = {"oneOf": [{"type": "string"}, {"type": "integer"}]}
    definitions[QUANTITY] = {"oneOf": [{"type": "string"}, {"type": "number"}]}
    add_kubernetes_enums(definitions)
    deny_additional_properties(definitions)
    target = os.path.join(out_dir, f"v{k8s_version}-standalone-strict")
    os.makedirs(target, exist_ok=True)
    written, skipped = 0, []
    for title, definition in definitions.items():
        parts = title.split(".")
        if (parts[2], parts[3]) == ("kubernetes", "pkg") or parts[-1].lower() in UNSUPPORTED_STANDALONE:
            skipped.append(title)
            continue
        schema = copy.deepcopy(definition)
        schema["$schema"] = "http://json-schema.org/schema#"
        schema.setdefault("type", "object")
        schema["additionalProperties"] = False
        try:
            schema = inline_refs(schema, definitions, (title,))
        except Cycle:
            skipped.append(title)
            continue
        if "properties" in schema:
            deny_additional_properties(schema["properties"])
            schema["properties"] = allow_null_optional(schema["properties"])
        with open(os.path.join(target, file_name(title) + ".json"), "w", encoding="utf-8") as out:
            json.dump(schema, out, indent=2)
        written += 1
    print(f"{target}: {written} schemas written, {len(skipped)} skipped as upstream does "
          f"({', '.join(sorted(t.rsplit('.', 1)[-1] for t in skipped))})")


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__.split("\n\n")[1])
    main(*sys.argv[1:])
