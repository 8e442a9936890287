#!/bin/sh
# C22 crosscheck: `hasme weak --builtin ridges-d2 --json` against the independent discretisation of
# fd_weak2d.py (spec/weak.md §11). Needs numpy and scipy, and the build (npm ci).
cd "$(dirname "$0")/../../.." || exit 1
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
node -e "import('./dist/src/problems/builtin.js').then(m => console.log(JSON.stringify(m.builtinProblem('ridges-d2'))))" > "$work"/ridges-d2.json
node bin/hasme.js weak --builtin ridges-d2 --json > "$work"/ridges-d2.ours.json
python3 tools/crosscheck/twod/fd_weak2d.py "$work"/ridges-d2.json > "$work"/ridges-d2.fd.json
python3 tools/crosscheck/twod/compare_twod.py "$work"/ridges-d2.ours.json "$work"/ridges-d2.fd.json
