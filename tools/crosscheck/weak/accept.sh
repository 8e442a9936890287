#!/bin/sh
# Acceptance (issue #5): unseen quadratic and finite-sum problems, `hasme weak --json` against an
# independent 40-digit mpmath computation written from spec/ alone (mp_weak.py).
cd "$(dirname "$0")/../../.." || exit 1
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
for i in 1 2 3 4 5; do for k in quadratic finite-sum; do
  python3 tools/crosscheck/weak/gen_unseen.py $((i*7+100)) $k > "$work"/u_$k$i.json
  node bin/hasme.js weak --problem "$work"/u_$k$i.json --json --digits 40 > "$work"/u_$k$i.ours.json
  python3 tools/crosscheck/weak/mp_weak.py "$work"/u_$k$i.json 40 > "$work"/u_$k$i.mp.json
  echo "$k $i: $(python3 tools/crosscheck/weak/compare.py "$work"/u_$k$i.ours.json "$work"/u_$k$i.mp.json)"
done; done
