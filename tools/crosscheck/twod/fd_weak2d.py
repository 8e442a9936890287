"""Independent check of one 2-D weak table (C22, spec/weak.md §11), written from spec/ only.

Reads a 'twod' problem file and prints {"rows": [{model, eta, sgd, sde, error}]} computed by a
discretisation different from src/weak/twoDim.ts:
  * SDEs: the backward Kolmogorov equation v_t = -b.grad v + (eta/2) D:hess v with CENTRAL
    finite differences of order 8 (no upwinding; edge nodes frozen, the order tapering to 2 next to
    them) as one scipy.sparse matrix, and v(T) = expm_multiply(T A, u) (Al-Mohy–Higham), on a
    finer grid (spacing 0.07) with a wider margin (3);
  * coefficients T(x) = -log(I - eta H)(eta H)^-1 and Sigma~ = U (K o U^T Sigma U) U^T,
    K_ij = phi(l_i + l_j), phi(z) = z/(1 - e^-z), l_i = -log(1 - eta a_i), from numpy.linalg.eigh;
  * SGD: v_k(x) = w(x - eta grad f(x)) with w(y) = E v_{k+1}(y - eta L Z): w on the grid by ONE fixed
    convolution kernel (an 8x8 probabilists' Gauss–Hermite rule, each node's shift -eta L z being the
    same for every grid point; scipy.ndimage.correlate, edges 'nearest'), then w at the off-grid
    points by tensor Lagrange interpolation of order 12 (two interpolations per step, in the
    opposite order to src/weak/twoDim.ts's single combined one).
Usage: python3 fd_weak2d.py problem.json [spacing] [margin]
"""
import json
import math
import sys

import numpy as np
from numpy.polynomial.hermite_e import hermegauss
from scipy.ndimage import correlate
from scipy.sparse import csr_matrix, diags, kron, identity
from scipy.sparse.linalg import expm_multiply


def load(path):
    p = json.load(open(path))
    assert p['kind'] == 'twod'
    ridges = [(np.array([float(a) for a in r['a']]), float(r['lambda'])) for r in p['ridges']]
    return p, ridges, float(p['mu']), np.array([[float(x) for x in r] for r in p['Sigma']])


def grad_hess(ridges, mu, X1, X2):
    g1, g2 = mu * X1, mu * X2
    h11, h12, h22 = mu + 0 * X1, 0 * X1, mu + 0 * X1
    for a, lam in ridges:
        s = a[0] * X1 + a[1] * X2
        t = lam * np.tanh(s)
        w = lam / np.cosh(s) ** 2
        g1, g2 = g1 + t * a[0], g2 + t * a[1]
        h11, h12, h22 = h11 + w * a[0] ** 2, h12 + w * a[0] * a[1], h22 + w * a[1] ** 2
    return (g1, g2), (h11, h12, h22)


def phi(z):
    return np.where(np.abs(z) < 1e-8, 1 + z / 2, z / -np.expm1(-np.where(np.abs(z) < 1e-8, 1.0, z)))


def model_coefficients(model, eta, Sigma, g, h):
    """Drift b = T grad f and diffusion D per point, from spec/models.md §1–§2."""
    H = np.stack([np.stack([h[0], h[1]], -1), np.stack([h[1], h[2]], -1)], -2)
    G = np.stack(g, -1)
    a, U = np.linalg.eigh(H)
    x = eta * a
    ell = -np.log1p(-x)
    t = np.where(np.abs(x) < 1e-12, 1.0, ell / np.where(np.abs(x) < 1e-12, 1.0, x))
    I = np.eye(2)
    if model == 'sme1':
        T = np.broadcast_to(I, H.shape)
    elif model == 'sme2':
        T = I + eta / 2 * H
    else:
        T = U @ (t[..., :, None] * np.swapaxes(U, -1, -2))
    b = (T @ G[..., None])[..., 0]
    if model == 'hasme':
        S_hat = np.swapaxes(U, -1, -2) @ Sigma @ U
        K = phi(ell[..., :, None] + ell[..., None, :])
        D = U @ (K * S_hat) @ np.swapaxes(U, -1, -2)
    else:
        D = np.broadcast_to(Sigma, H.shape)
    return b, D


def fd_weights(offsets, deriv):
    """Weights of the deriv-th derivative at 0 from the polynomial through the offsets (Vandermonde solve)."""
    n = len(offsets)
    V = np.vander(np.array(offsets, float), n, increasing=True).T
    rhs = np.zeros(n)
    rhs[deriv] = math.factorial(deriv)
    return np.linalg.solve(V, rhs)


def diff_matrix(n, h, deriv, half=4):
    rows, cols, vals = [], [], []
    for i in range(n):
        k = min(half, i, n - 1 - i)
        if k == 0:
            continue
        offs = list(range(-k, k + 1))
        w = fd_weights(offs, deriv) / h ** deriv
        for o, wv in zip(offs, w):
            rows.append(i); cols.append(i + o); vals.append(wv)
    return csr_matrix((vals, (rows, cols)), shape=(n, n))


def lagrange_stencil(t, n, order):
    """First index and weights of the order-point Lagrange stencil at fractional index t (vectorised)."""
    t = np.clip(t, 0, n - 1)
    first = np.clip(np.floor(t).astype(int) - order // 2 + 1, 0, n - order)
    w = np.ones(t.shape + (order,))
    for a in range(order):
        for c in range(order):
            if c != a:
                w[..., a] *= (t - (first + c)) / (a - c)
    return first, w


def smoothing_kernel(S, hs, z, wz, order=12):
    """Kernel k with (v correlated with k)[i, j] = sum_ab wz_a wz_b interp(v)(x_ij - S (z_a, z_b))."""
    shifts = [(-(S[0, 0] * za) / hs[0], -(S[1, 0] * za + S[1, 1] * zb) / hs[1], wa * wb) for za, wa in zip(z, wz) for zb, wb in zip(z, wz)]
    reach = int(np.ceil(max(max(abs(a), abs(b)) for a, b, _ in shifts))) + order // 2 + 1
    k = np.zeros((2 * reach + 1, 2 * reach + 1))
    for t1, t2, w in shifts:
        parts = []
        for t in (t1, t2):
            first = int(np.floor(t)) - order // 2 + 1
            lw = np.ones(order)
            for a in range(order):
                for c in range(order):
                    if c != a:
                        lw[a] *= (t - (first + c)) / (a - c)
            parts.append((first, lw))
        (f1, w1), (f2, w2) = parts
        k[reach + f1:reach + f1 + order, reach + f2:reach + f2 + order] += w * np.outer(w1, w2)
    return k


def main():
    p, ridges, mu, Sigma = load(sys.argv[1])
    h = float(sys.argv[2]) if len(sys.argv) > 2 else 0.07
    margin = float(sys.argv[3]) if len(sys.argv) > 3 else 3.0
    T = float(p['T'])
    x0 = np.array([float(v) for v in p['x0']])
    gb = mu * (np.hypot(*x0) + 1) + sum(lam * np.linalg.norm(a) for a, lam in ridges)
    reach = 1.4 * gb * T + margin
    axes = [np.linspace(c - reach, c + reach, int(np.ceil(2 * reach / h)) + 1) for c in x0]
    hs = [ax[1] - ax[0] for ax in axes]
    n1, n2 = len(axes[0]), len(axes[1])
    X1, X2 = np.meshgrid(axes[0], axes[1], indexing='ij')
    c = np.array([float(v) for v in p['test']['center']]); w = float(p['test']['width'])
    u = np.exp(-((X1 - c[0]) ** 2 + (X2 - c[1]) ** 2) / (2 * w * w))
    g, hh = grad_hess(ridges, mu, X1, X2)

    def interp(v, y1, y2, order=12):
        f1, w1 = lagrange_stencil((y1 - axes[0][0]) / hs[0], n1, order)
        f2, w2 = lagrange_stencil((y2 - axes[1][0]) / hs[1], n2, order)
        out = np.zeros(y1.shape)
        for a in range(order):
            for b in range(order):
                out += w1[..., a] * w2[..., b] * v[f1 + a, f2 + b]
        return out

    def at_x0(v):
        return float(interp(v, np.array([x0[0]]), np.array([x0[1]]))[0])

    Dx1, Dx2 = diff_matrix(n1, hs[0], 1), diff_matrix(n2, hs[1], 1)
    Dxx1, Dxx2 = diff_matrix(n1, hs[0], 2), diff_matrix(n2, hs[1], 2)
    I1, I2 = identity(n1), identity(n2)
    d1, d2 = kron(Dx1, I2), kron(I1, Dx2)
    d11, d22, d12 = kron(Dxx1, I2), kron(I1, Dxx2), kron(Dx1, Dx2)
    z, wz = hermegauss(8)
    wz = wz / wz.sum()
    L = np.linalg.cholesky(Sigma)
    rows = []
    for eta_text in p['etas']:
        eta = float(eta_text)
        K = round(T / eta)
        kernel = smoothing_kernel(eta * L, hs, z, wz)
        y1, y2 = X1 - eta * g[0], X2 - eta * g[1]
        v = u.copy()
        for _ in range(K):
            v = interp(correlate(v, kernel, mode='nearest'), y1, y2)
        sgd = at_x0(v)
        for model in p.get('models', ['sme1', 'sme2', 'spf', 'hasme']):
            b, D = model_coefficients(model, eta, Sigma, g, hh)
            A = (diags(-b[..., 0].ravel()) @ d1 + diags(-b[..., 1].ravel()) @ d2
                 + diags(eta / 2 * D[..., 0, 0].ravel()) @ d11 + diags(eta * D[..., 0, 1].ravel()) @ d12
                 + diags(eta / 2 * D[..., 1, 1].ravel()) @ d22)
            vT = expm_multiply(T * A.tocsr(), u.ravel()).reshape(n1, n2)
            sde = at_x0(vT)
            rows.append({'model': model, 'eta': eta_text, 'sgd': sgd, 'sde': sde, 'error': sde - sgd})
            print(json.dumps(rows[-1]), file=sys.stderr)
    print(json.dumps({'grid': [n1, n2], 'spacing': hs, 'rows': rows}))


if __name__ == '__main__':
    main()
