"""Independent 40-digit weak errors from spec/models.md §1–§2, §4 alone (mpmath); no project code.
Usage: python3 mp_weak.py PROBLEM.json [digits]  -> JSON rows {model, eta, steps, sgd, sde, error}
SDE moments: z = (vec S (column-major, via Kronecker products), mu, 1), z' = L z, z(T) = expm(L T) z0."""
import json, sys
import mpmath as mp

prob = json.load(open(sys.argv[1]))
mp.mp.dps = int(sys.argv[2]) if len(sys.argv) > 2 else 40
M = lambda a: mp.matrix([[mp.mpf(str(x)) for x in r] for r in a])
V = lambda v: mp.matrix([mp.mpf(str(x)) for x in v])

if prob['kind'] == 'quadratic':
    A = [M(prob['H'])]; c = [mp.zeros(len(prob['x0']), 1)]; Sadd = M(prob['Sigma'])
else:
    A = [M(a) for a in prob['A']]; c = [V(x) for x in prob['c']]; Sadd = mp.zeros(len(prob['x0']))
d = len(prob['x0']); n = len(A); x0 = V(prob['x0'])
H = sum(A[1:], A[0]) / n
cb = sum(c[1:], c[0]) / n
W = M(prob['test']['W']); w = V(prob['test']['w'])
I = mp.eye(d)

def kron(X, Y):
    K = mp.zeros(X.rows * Y.rows, X.cols * Y.cols)
    for i in range(X.rows):
        for j in range(X.cols):
            for k in range(Y.rows):
                for l in range(Y.cols):
                    K[i * Y.rows + k, j * Y.cols + l] = X[i, j] * Y[k, l]
    return K

def vec(X):  # column-major
    return mp.matrix([X[i, j] for j in range(X.cols) for i in range(X.rows)])

def Eu(mu, S):
    return sum(W[i, j] * S[j, i] for i in range(d) for j in range(d)) + sum(w[i] * mu[i] for i in range(d))

def sgd(eta, K):
    mu = x0.copy(); S = x0 * x0.T
    for _ in range(K):
        mu2 = mp.zeros(d, 1); S2 = eta**2 * Sadd
        for Ai, ci in zip(A, c):
            Mi = I - eta * Ai
            mu2 += (Mi * mu + eta * ci) / n
            S2 += (Mi * S * Mi.T + eta * (Mi * mu * ci.T + ci * mu.T * Mi.T) + eta**2 * ci * ci.T) / n
        mu, S = mu2, S2
    return Eu(mu, S)

def coeffs(model, eta):
    E, U = mp.eigsy(H)
    a = [E[i] for i in range(d)]
    m = [1 - eta * ai for ai in a]
    assert all(mi > 0 for mi in m), 'regime R only'
    ell = [-mp.log(mi) for mi in m]
    Tdiag = [(ell[i] / (eta * a[i]) if a[i] != 0 else mp.mpf(1)) for i in range(d)]
    if model == 'sme1': T = I
    elif model == 'sme2': T = I + eta / 2 * H
    else: T = U * mp.diag(Tdiag) * U.T
    phi = lambda z: z / (-mp.expm1(-z)) if z != 0 else mp.mpf(1)
    Kmat = mp.matrix([[phi(ell[i] + ell[j]) for j in range(d)] for i in range(d)])
    def D(Sig):
        if model != 'hasme': return Sig
        In = U.T * Sig * U
        return U * mp.matrix([[Kmat[i, j] * In[i, j] for j in range(d)] for i in range(d)]) * U.T
    return T, D

def sde(model, eta, Tend):
    T, D = coeffs(model, eta)
    B = T * H; g = T * cb
    d2 = d * d; N = d2 + d + 1
    # linear map of E Sigma(X) and D on vec S: build D's matrix on vec via basis (D is linear)
    Dm = mp.zeros(d2, d2)
    for j in range(d2):
        e = mp.zeros(d2, 1); e[j] = 1
        X = mp.matrix([[e[r + s * d] for s in range(d)] for r in range(d)])
        Dm[:, j] = vec(D(X))
    # E Sigma = Q vecS + R mu + const  (in vec form); terms A S A^T -> kron(A, A) vecS
    Q = sum([kron(Ai, Ai) for Ai in A[1:]], kron(A[0], A[0])) / n - kron(H, H)
    # -A mu c^T - c mu^T A^T  : vec(A mu c^T) = kron(c, A) mu ; vec(c mu^T A^T) = kron(A, c) mu
    Rm = mp.zeros(d2, d)
    for Ai, ci in zip(A, c):
        Rm -= (kron(ci, Ai) + kron(Ai, ci)) / n
    Rm += kron(cb, H) + kron(H, cb)
    const = sum([vec(ci * ci.T) for ci in c[1:]], vec(c[0] * c[0].T)) / n - vec(cb * cb.T) + vec(Sadd)
    L = mp.zeros(N, N)
    # dS = -(I⊗B + B⊗I) vecS + (kron(mu-part)) + eta Dm (E Sigma)
    LSS = -(kron(I, B) + kron(B, I)) + eta * Dm * Q
    # g mu^T + mu g^T: vec(g mu^T) = kron(I, g) mu ; vec(mu g^T) = kron(g, I) mu
    LSm = kron(I, g) + kron(g, I) + eta * Dm * Rm
    LSc = eta * Dm * const
    for i in range(d2):
        for j in range(d2): L[i, j] = LSS[i, j]
        for j in range(d): L[i, d2 + j] = LSm[i, j]
        L[i, N - 1] = LSc[i]
    for i in range(d):
        for j in range(d): L[d2 + i, d2 + j] = -B[i, j]
        L[d2 + i, N - 1] = g[i]
    z0 = mp.matrix(list(vec(x0 * x0.T)) + list(x0) + [1])
    z = mp.expm(L * Tend) * z0
    S = mp.matrix([[z[r + s * d] for s in range(d)] for r in range(d)])
    mu = mp.matrix([z[d2 + i] for i in range(d)])
    return Eu(mu, S)

rows = []
Tend = mp.mpf(str(prob['T']))
for e in prob['etas']:
    eta = mp.mpf(str(e)); K = int(mp.nint(Tend / eta))
    s = sgd(eta, K)
    for model in prob.get('models', ['sme1', 'sme2', 'spf', 'hasme']):
        x = sde(model, eta, Tend)
        rows.append({'model': model, 'eta': str(e), 'steps': K, 'sgd': mp.nstr(s, 40), 'sde': mp.nstr(x, 40), 'error': mp.nstr(x - s, 40)})
print(json.dumps({'rows': rows}))
