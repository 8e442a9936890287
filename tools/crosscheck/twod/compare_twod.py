"""Compares `hasme weak --json` on a 'twod' problem with fd_weak2d.py's table (C22, spec/weak.md §11).

Prints per row |error_ours - error_fd|, |sgd_ours - sgd_fd|, |sde_ours - sde_fd| and the ratio of the
error difference to ours' stated engine error (`engineError`, the largest over the table), and exits 1
if any error difference exceeds that engine error.
"""
import json
import sys

ours = json.load(open(sys.argv[1]))
fd = json.load(open(sys.argv[2]))
bound = ours['engineError']
key = lambda r: (r['model'], float(r['eta']))
theirs = {key(r): r for r in fd['rows']}
worst = 0.0
for r in ours['rows']:
    t = theirs[key(r)]
    d = abs(float(r['error']) - t['error'])
    worst = max(worst, d / bound)
    print(f"{r['model']:6} eta {float(r['eta']):<8} error {float(r['error']): .6e} fd {t['error']: .6e} |diff| {d:.2e} "
          f"(sgd {abs(float(r['sgd']) - t['sgd']):.1e}, sde {abs(float(r['sde']) - t['sde']):.1e}; {d / abs(t['error']):.1e} relative)")
print(f"engine error (ours, largest) {bound:.2e}; largest |error diff| / engine error = {worst:.3f}")
sys.exit(0 if worst <= 1 else 1)
