import json, sys, math
import mpmath as mp
mp.mp.dps = 60
ours = json.load(open(sys.argv[1])); ref = json.load(open(sys.argv[2]))
worst = 0; exact_ok = True
for a, b in zip(ours['rows'], ref['rows']):
    assert (a['model'], a['eta'], a['steps']) == (b['model'], b['eta'], b['steps']), (a, b)
    x, y = mp.mpf(a['error']), mp.mpf(b['error'])
    for k in ('sgd', 'sde'):
        rel = abs(mp.mpf(a[k]) - mp.mpf(b[k])) / abs(mp.mpf(b[k]))
        worst = max(worst, rel)
    scale = max(abs(mp.mpf(b['sgd'])), abs(mp.mpf(b['sde'])))
    if abs(y) > scale * mp.mpf('1e-30'):
        worst = max(worst, abs(x - y) / abs(y))
    elif abs(x) >= mp.mpf('1e-30'):
        exact_ok = False
# orders from the mpmath errors
def fit(rows, m):
    pts = [(math.log(float(r['eta'])), math.log(abs(float(r['error'])))) for r in rows if r['model'] == m and abs(float(r['error'])) > 0]
    if len(pts) < 2: return 'exact'
    mx = sum(p[0] for p in pts) / len(pts); my = sum(p[1] for p in pts) / len(pts)
    return sum((p[0]-mx)*(p[1]-my) for p in pts) / sum((p[0]-mx)**2 for p in pts)
od = {}
for m, o in ours['orders'].items():
    if all(abs(float(r['error'])) < 1e-30 for r in ref['rows'] if r['model'] == m): ro = 'exact'
    else: ro = fit(ref['rows'], m)
    od[m] = (o, ro, (abs(o - ro) if isinstance(o, float) and isinstance(ro, float) else (0 if o == ro else 'MISMATCH')))
print(f"worst relative {mp.nstr(worst, 3)} exact_ok {exact_ok} orders {od}")
