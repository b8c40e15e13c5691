#!/usr/bin/env bash
# Installs the tools the tests use but NuGet does not carry, into .tools/ (gitignored):
# Microsoft's SARIF Multitool (schema 2.1.0 + GitHub ingestion rules), from npm.
# Idempotent: does nothing when the pinned version is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

multitool_version=5.7.0
package=@microsoft/sarif-multitool-linux
marker=.tools/node_modules/$package/package.json

if [ -f "$marker" ] && grep -q "\"version\": \"$multitool_version\"" "$marker"; then
  exit 0
fi

npm install --silent --no-audit --no-fund --no-save --prefix .tools "$package@$multitool_version"
