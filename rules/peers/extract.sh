#!/usr/bin/env bash
# Rewrites kube-linter.txt, polaris.txt and kube-score.txt (next to this script) from clones of the three
# peers, so a new peer release is one command away: the check names become data that RuleCatalog's
# PeersTableTests compares rules/PEERS.md with.
#
#   rules/peers/extract.sh KUBE_LINTER_GIT_DIR POLARIS_GIT_DIR KUBE_SCORE_GIT_DIR [REV]
#
# Each argument is a git directory (a bare mirror or the .git of a clone); REV defaults to HEAD.
set -euo pipefail

if [[ $# -lt 3 ]]; then
    echo "usage: $0 KUBE_LINTER_GIT_DIR POLARIS_GIT_DIR KUBE_SCORE_GIT_DIR [REV]" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
rev=${4:-HEAD}

kube_linter=$1
commit=$(git --git-dir="$kube_linter" rev-parse "$rev")
{
    echo "# kube-linter built-in checks: https://github.com/stackrox/kube-linter at commit $commit, the name: of each pkg/builtinchecks/yamls/*.yaml (Apache-2.0)"
    for file in $(git --git-dir="$kube_linter" ls-tree --name-only "$commit" pkg/builtinchecks/yamls/); do
        git --git-dir="$kube_linter" show "$commit:$file" | sed -n 's/^name: *"\{0,1\}\([^"]*\)"\{0,1\} *$/\1/p' | head -n 1
    done | LC_ALL=C sort
} > "$here/kube-linter.txt"

polaris=$2
commit=$(git --git-dir="$polaris" rev-parse "$rev")
{
    echo "# Polaris checks: https://github.com/FairwindsOps/polaris at commit $commit, the file names of pkg/config/checks/*.yaml (Apache-2.0)"
    git --git-dir="$polaris" ls-tree --name-only "$commit" pkg/config/checks/ \
        | sed -n 's|^pkg/config/checks/\(.*\)\.yaml$|\1|p' | LC_ALL=C sort
} > "$here/polaris.txt"

kube_score=$3
commit=$(git --git-dir="$kube_score" rev-parse "$rev")
{
    echo "# kube-score checks: https://github.com/zegl/kube-score at commit $commit, the ID column of README_CHECKS.md (MIT)"
    git --git-dir="$kube_score" show "$commit:README_CHECKS.md" \
        | sed -n 's/^| \([a-z0-9-]*\) |.*/\1/p' | grep -v '^$' | LC_ALL=C sort
} > "$here/kube-score.txt"
