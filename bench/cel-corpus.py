#!/usr/bin/env python3
"""Writes the benchmark's CEL case: one Gateway-API-style HTTPRoute definition whose schema carries
x-kubernetes-validations rules (written for this benchmark in the style of Gateway API's, not copied), and N routes
that satisfy them, as one multi-document file.

    bench/cel-corpus.py OUTPUT.yaml [N]     (N defaults to 3000)
"""
import sys

CRD = """apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: httproutes.bench.example.io
spec:
  group: bench.example.io
  names: {kind: HTTPRoute, plural: httproutes}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              x-kubernetes-validations:
                - rule: "self.hostnames.all(h, h.matches('^([*][.])?[a-z0-9]([-a-z0-9]*[a-z0-9])?([.][a-z0-9]([-a-z0-9]*[a-z0-9])?)*$'))"
                  message: "hostnames must be DNS names"
                - rule: "self.rules.size() <= 16"
                  message: "at most 16 rules"
              properties:
                hostnames: {type: array, items: {type: string}}
                rules:
                  type: array
                  items:
                    type: object
                    x-kubernetes-validations:
                      - rule: "!has(self.filters) || self.filters.filter(f, f.type == 'RequestRedirect').size() <= 1"
                        message: "at most one RequestRedirect filter"
                      - rule: "!has(self.filters) || !(self.filters.exists(f, f.type == 'RequestRedirect') && has(self.backendRefs) && self.backendRefs.size() > 0)"
                        message: "a RequestRedirect filter cannot be combined with backendRefs"
                    properties:
                      matches:
                        type: array
                        items:
                          type: object
                          properties:
                            path:
                              type: object
                              x-kubernetes-validations:
                                - rule: "self.type != 'PathPrefix' || self.value.startsWith('/')"
                                  message: "a path prefix must start with /"
                              properties:
                                type: {type: string, enum: [Exact, PathPrefix]}
                                value: {type: string}
                      filters:
                        type: array
                        items:
                          type: object
                          properties:
                            type: {type: string}
                      backendRefs:
                        type: array
                        items:
                          type: object
                          x-kubernetes-validations:
                            - rule: "self.port >= 1 && self.port <= 65535"
                              message: "port must be between 1 and 65535"
                          properties:
                            name: {type: string}
                            port: {type: integer}
                            weight: {type: integer}
"""

ROUTE = """---
apiVersion: bench.example.io/v1
kind: HTTPRoute
metadata:
  name: route-{i}
  namespace: team-{team}
spec:
  hostnames: ["app-{i}.example.com", "*.svc-{i}.example.com"]
  rules:
    - matches:
        - path: {{type: PathPrefix, value: /api/{i}}}
      backendRefs:
        - {{name: api-{i}, port: 8080, weight: 90}}
        - {{name: api-{i}-canary, port: 8080, weight: 10}}
    - matches:
        - path: {{type: Exact, value: /old}}
      filters:
        - {{type: RequestRedirect}}
"""


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    count = int(argv[2]) if len(argv) == 3 else 3000
    with open(argv[1], "w", encoding="utf-8") as out:
        out.write(CRD)
        for i in range(count):
            out.write(ROUTE.format(i=i, team=i % 20))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
