"""Unseen problems for the acceptance check (python's own RNG, not the project's generator)."""
import json, random, sys
random.seed(int(sys.argv[1]))
def r(lo, hi, dp=3): return str(round(random.uniform(lo, hi), dp))
def sym(d, dlo, dhi, olo, ohi):
    M = [[None]*d for _ in range(d)]
    for i in range(d):
        M[i][i] = r(dlo, dhi)
        for j in range(i): M[i][j] = M[j][i] = r(olo, ohi)
    return M
d = random.choice([2, 3])
etas = ["0.1", "0.05", "0.025", "0.0125"]
test = {"W": sym(d, 0.5, 1.5, -0.4, 0.4), "w": [r(-1, 1) for _ in range(d)]}
if sys.argv[2] == 'quadratic':
    L = [[r(0.3, 1) if i == j else (r(-0.5, 0.5) if j < i else "0") for j in range(d)] for i in range(d)]
    S = [[str(sum(float(L[i][k]) * float(L[j][k]) for k in range(d))) for j in range(d)] for i in range(d)]
    # exact decimal products via python Decimal
    from decimal import Decimal, getcontext; getcontext().prec = 60
    S = [[str(sum(Decimal(L[i][k]) * Decimal(L[j][k]) for k in range(d))) for j in range(d)] for i in range(d)]
    p = {"kind": "quadratic", "H": sym(d, -0.3, 2.5, -0.6, 0.6), "Sigma": S, "x0": [r(-1, 1) for _ in range(d)], "T": "1", "etas": etas, "test": test}
else:
    n = random.choice([3, 4, 5, 6])
    A = []; c = []
    for _ in range(n):
        M = sym(d, 0.1, 2, -0.8, 0.8)
        A.append(M); c.append([r(-1, 1) for _ in range(d)])
    p = {"kind": "finite-sum", "A": A, "c": c, "x0": [r(-1, 1) for _ in range(d)], "T": "1", "etas": etas, "test": test}
print(json.dumps(p))
