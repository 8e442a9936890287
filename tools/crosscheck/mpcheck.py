"""Independent cross-check of the conformance vectors with mpmath.

Written from spec/models.md (spec/models.md) alone: it shares no code with the
TypeScript reference (reference/) or library (src/). For every vector line it recomputes the
expected values at mpmath precision DPS and reports the digits agreed (relative Frobenius error,
complex entries by modulus), the singular cases, the regimes, every `cov: null`, and the
`psd-borderline` tag (spec/vectors.md).

Usage:
    python3 tools/crosscheck/mpcheck.py vectors/                 # every *.jsonl in the directory
    python3 tools/crosscheck/mpcheck.py vectors/moments.jsonl --dps 100 --min-digits 44

Exit status: 0 when every non-singular case agrees to at least --min-digits digits (default 44;
the vectors are written with 45) and singular cases, regimes, null covariances and
psd-borderline tags all agree; 1 otherwise; 2 for bad usage. Needs mpmath (pip install mpmath).

Method (spec/models.md): eigenvectors by mpmath.eigsy; m_i = 1 - eta a_i; ell_i = -log1p(-eta a_i) for
m_i > 0, -Log m_i (principal branch) for m_i < 0; K_ij = phi(ell_i + ell_j) with
phi(z) = z / (-expm1(-z)); SGD moments in H's eigenbasis; OU moments with
psi(z) = -expm1(-z)/z. Singular set: |m_i| or |m_i m_j - 1| (both negative) below 10^-(DPS/2 + 10).
T_i = ell_i / (eta a_i) (1 where a_i = 0 exactly): ell_i must come from log1p, since a naive
-log(1 - eta a_i) rounds to 0 where eta a_i is rounding noise and loses every digit of the
zero-eigenvalue cases.
"""
import argparse
import collections
import json
import os
import sys

import mpmath as mp

# Consumers parsing the inputs into doubles decide cov from a Sigma~ with relative error ~1000 u.
DOUBLE_RESOLUTION = 1000 * mp.mpf(2) ** -53


def num(x):
    return mp.mpf(x) if isinstance(x, str) else mp.mpf(repr(x))


def mat(M):
    return mp.matrix([[num(x) for x in row] for row in M])


def scal(x):
    return mp.mpc(num(x[0]), num(x[1])) if isinstance(x, list) else mp.mpc(num(x), 0)


def cmat(M):
    return mp.matrix([[scal(x) for x in row] for row in M])


def cvec(v):
    return mp.matrix([scal(x) for x in v])


def phi(z):
    """phi(z) = z / (1 - e^-z), phi(0) = 1."""
    return mp.mpc(1) if z == 0 else z / (-mp.expm1(-z))


def psi(z):
    """psi(z) = (1 - e^-z) / z, psi(0) = 1; t psi(s t) is the OU integral of e^-su over [0, t]."""
    return mp.mpc(1) if z == 0 else -mp.expm1(-z) / z


def basis(Q, inner):
    return Q * inner * Q.T


class Problem:
    """Eigen-decomposition of H, m_i, ell_i and the regime (spec/models.md §1–§6)."""

    def __init__(self, line, sing_tol):
        self.H = mat(line['H'])
        self.S = mat(line['Sigma'])
        self.eta = num(line['eta'])
        self.d = self.H.rows
        E, self.Q = mp.eigsy(self.H)
        self.a = [E[i] for i in range(self.d)]
        self.m = [1 - self.eta * ai for ai in self.a]
        d, m = self.d, self.m
        self.zero = any(abs(mi) < sing_tol for mi in m)
        pole = any(m[i] < 0 and m[j] < 0 and abs(m[i] * m[j] - 1) < sing_tol for i in range(d) for j in range(i, d))
        self.regime = 'S' if (self.zero or pole) else ('X' if any(mi < 0 for mi in m) else 'R')
        self.ell = None if self.zero else [
            mp.mpc(-mp.log1p(-self.eta * ai)) if mi > 0 else -mp.log(mp.mpc(mi)) for ai, mi in zip(self.a, m)]
        self.Sh = self.Q.T * self.S * self.Q

    def kernel_diffusion(self):
        """Sigma~ in the eigenbasis: K o (Q^T Sigma Q)."""
        d = self.d
        Dh = mp.matrix(d, d)
        for i in range(d):
            for j in range(d):
                Dh[i, j] = phi(self.ell[i] + self.ell[j]) * self.Sh[i, j]
        return Dh

    def drift_factor(self, i):
        x = self.eta * self.a[i]
        return mp.mpc(1) if x == 0 else self.ell[i] / x


def coefficients(line, p):
    model = line.get('model', 'hasme')
    if (model == 'hasme' and p.regime == 'S') or (model == 'spf' and p.zero):
        return {'error': 'singular'}, None
    if model == 'sme1':
        T, D = mp.eye(p.d), p.S
    elif model == 'sme2':
        T, D = mp.eye(p.d) + (p.eta / 2) * p.H, p.S
    else:
        T = basis(p.Q, mp.diag([p.drift_factor(i) for i in range(p.d)]))
        D = p.S if model == 'spf' else basis(p.Q, p.kernel_diffusion())
    return {'drift': T, 'diffusion': D}, None


def psd_ratio(Dh, p):
    """lambda_min / max|lambda| of the real symmetric Sigma~ (regime R)."""
    D = basis(p.Q, Dh)
    ev, _ = mp.eigsy(mp.matrix([[mp.re(D[i, j]) for j in range(p.d)] for i in range(p.d)]))
    evs = [ev[i] for i in range(p.d)]
    top = max(abs(e) for e in evs)
    return mp.mpf(0) if top == 0 else min(evs) / top  # Sigma~ = 0 (Sigma = 0) is PSD


def moments(line, p, zero_tol):
    model, k, d = line['model'], line['steps'], p.d
    y = p.Q.T * mp.matrix([num(x) for x in line['x0']])
    if model == 'sgd':
        mean = p.Q * mp.matrix([p.m[i] ** k * y[i] for i in range(d)])
        Ch = mp.matrix(d, d)
        for i in range(d):
            for j in range(d):
                q = p.m[i] * p.m[j]
                Ch[i, j] = p.eta ** 2 * p.Sh[i, j] * (k if q == 1 else (1 - q ** k) / (1 - q))
        C = basis(p.Q, Ch)
        return {'mean': mean, 'pcov': C, 'cov': C}, None
    if (model == 'hasme' and p.regime == 'S') or (model == 'spf' and p.zero):
        return {'error': 'singular'}, None
    t = k * p.eta
    if model == 'sme1':
        beta = [mp.mpc(ai) for ai in p.a]
    elif model == 'sme2':
        beta = [mp.mpc(ai * (1 + p.eta * ai / 2)) for ai in p.a]
    else:
        beta = [l / p.eta for l in p.ell]
    Dh = p.kernel_diffusion() if model == 'hasme' else mp.matrix(p.Sh)
    mean = p.Q * mp.matrix([mp.exp(-beta[i] * t) * y[i] for i in range(d)])

    def integral(conj):
        P = mp.matrix(d, d)
        for i in range(d):
            for j in range(d):
                bj = mp.conj(beta[j]) if conj else beta[j]
                P[i, j] = p.eta * Dh[i, j] * t * psi((beta[i] + bj) * t)
        return basis(p.Q, P)

    ratio = None
    cov = None
    if model in ('sme1', 'sme2', 'spf'):
        cov = integral(True)
    elif p.regime == 'R':
        # HA-SME's covariance exists only where Sigma~ is real PSD (C4, C7, C8).
        ratio = psd_ratio(Dh, p)
        if ratio >= -zero_tol:
            cov = integral(True)
    return {'mean': mean, 'pcov': integral(False), 'cov': cov}, ratio


def rel_digits(ref, got):
    """-log10 of the relative Frobenius error (99 if exact)."""
    err = mp.mpf(0)
    size = mp.mpf(0)
    for i in range(ref.rows):
        for j in range(ref.cols):
            err += abs(ref[i, j] - got[i, j]) ** 2
            size += abs(ref[i, j]) ** 2
    if err == 0:
        return 99.0
    if size == 0:
        return 0.0
    return float(-mp.log10(mp.sqrt(err / size)))


def vector_files(paths):
    for path in paths:
        if os.path.isdir(path):
            for name in sorted(os.listdir(path)):
                if name.endswith('.jsonl'):
                    yield os.path.join(path, name)
        else:
            yield path


def check_line(line, args, stats, worst):
    sing_tol = mp.mpf(10) ** (-(args.dps // 2 + 10))
    zero_tol = mp.mpf(10) ** (-(args.dps - 15))
    p = Problem(line, sing_tol)
    res, ratio = coefficients(line, p) if line['op'] == 'coefficients' else moments(line, p, zero_tol)
    exp, lid, tags = line['expected'], line['id'], line['tags']

    def problem(kind, message):
        stats[kind] += 1
        print(kind.upper(), lid, message, tags)

    claimed = {t for t in tags if t in ('R', 'X', 'S')} | ({exp['regime']} if 'regime' in exp else set())
    if claimed != {p.regime}:
        problem('regime-mismatch', f'checker {p.regime}, vector {sorted(claimed)}')
    if 'error' in res or 'error' in exp:
        if ('error' in res) != ('error' in exp):
            problem('singular-mismatch', f"checker {res.get('error')}, vector {exp.get('error')}")
        else:
            stats['singular-agree'] += 1
        return
    if ratio is None and 'psd-borderline' in tags:
        problem('borderline-mismatch', 'tagged, but not a regime-R hasme moments case')
    if ratio is not None:
        borderline = abs(ratio) > zero_tol and abs(ratio) <= DOUBLE_RESOLUTION
        if borderline != ('psd-borderline' in tags):
            problem('borderline-mismatch', f'lambda_min/max|lambda| = {mp.nstr(ratio, 3)}')
        elif borderline:
            stats['borderline-agree'] += 1
    digits = []
    for key, val in res.items():
        want = exp[key]
        if val is None or want is None:
            if (val is None) != (want is None):
                problem('null-mismatch', f'{key}: checker null {val is None}, vector null {want is None}')
            else:
                stats['null-agree'] += 1
            continue
        digits.append(rel_digits(mp.matrix(val), cvec(want) if key == 'mean' else cmat(want)))
    agreed = min(digits)
    worst.append((agreed, lid))
    stats['checked'] += 1
    if agreed < args.min_digits:
        problem('low-digits', f'{agreed:.2f} digits')


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('paths', nargs='+', help='vector files (JSON Lines) or directories of *.jsonl')
    parser.add_argument('--dps', type=int, default=60, help='mpmath decimal precision (default 60)')
    parser.add_argument('--min-digits', type=float, default=44.0, help='digits every non-singular case must agree to (default 44)')
    args = parser.parse_args()
    mp.mp.dps = args.dps
    stats = collections.Counter()
    worst = []
    for path in vector_files(args.paths):
        with open(path) as f:
            for text in f:
                if not text.strip():
                    continue
                line = json.loads(text)
                try:
                    check_line(line, args, stats, worst)
                except Exception as err:  # a checker failure is reported, and fails the run
                    stats['exception'] += 1
                    print('EXCEPTION', line.get('id'), repr(err))
    worst.sort()
    failures = sum(v for k, v in stats.items() if k.endswith('mismatch') or k in ('low-digits', 'exception'))
    least = f'minimum {worst[0][0]:.2f} digits agreed ({worst[0][1]})' if worst else 'no numeric case'
    print(f"mpmath dps {args.dps}: {stats['checked']} non-singular cases, {least}; {stats['singular-agree']} singular "
          f"cases agree; {stats['null-agree']} null covariances agree; {stats['borderline-agree']} psd-borderline tags agree; "
          f"{failures} problems")
    print('worst:', ', '.join(f'{lid} {dg:.2f}' for dg, lid in worst[:5]))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
