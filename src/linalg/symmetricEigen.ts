/**
 * Symmetric eigendecomposition on Float64Array: Householder tridiagonalization, then implicit QL
 * with Wilkinson-type shifts (the EISPACK tql2 iteration). Backward stable: the computed
 * values and vectors are exact for A + E with ‖E‖₂ = O(n·eps·‖A‖₂), and the vectors are
 * orthonormal to O(n·eps) — also for repeated and clustered eigenvalues, where individual
 * eigenvectors are not determined but the invariant subspaces are (spec/numerics.md).
 *
 * Eigenvectors are kept as ROWS (ut = Uᵀ) so every rotation and reflection touches contiguous
 * memory; this is what makes d = 200 fit the library's time budget.
 */

/** A = U diag(values) Uᵀ with ascending values; `ut` holds eigenvector i in row i. */
export interface SymmetricEigen {
  n: number;
  values: Float64Array;
  /** Uᵀ, row-major n×n: row i is the unit eigenvector of values[i]. */
  ut: Float64Array;
}

/** Eigenvalues and eigenvectors of the symmetric n×n matrix `a` (row-major; not modified). */
export function symmetricEigen(a: Float64Array, n: number): SymmetricEigen {
  const work = Float64Array.from(a);
  const { d, e } = tridiagonalize(work, n);
  const ut = accumulateReflections(work, n);
  qlImplicit(d, e, n, ut);
  return sortAscending(d, ut, n);
}

/** Eigenvalues only (ascending): a third of the work of {@link symmetricEigen}. */
export function symmetricEigenvalues(a: Float64Array, n: number): Float64Array {
  const work = Float64Array.from(a);
  const { d, e } = tridiagonalize(work, n);
  qlImplicit(d, e, n, null);
  return d.sort();
}

/**
 * Householder reduction to tridiagonal form, in place. On return row k of `a` holds the
 * reflector v_k in columns k+1.. (all zero for an identity step); d is the diagonal and e[k]
 * couples d[k] and d[k+1].
 */
function tridiagonalize(a: Float64Array, n: number): { d: Float64Array; e: Float64Array } {
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  const p = new Float64Array(n);
  const v = new Float64Array(n);
  for (let k = 0; k + 2 < n; k++) {
    const row = k * n;
    d[k] = a[row + k];
    let scale = 0;
    for (let c = k + 1; c < n; c++) scale += Math.abs(a[row + c]);
    if (scale === 0) {
      e[k] = 0;
      continue;
    }
    let sigma = 0;
    for (let c = k + 1; c < n; c++) {
      const v = a[row + c] / scale;
      a[row + c] = v;
      sigma += v * v;
    }
    const x0 = a[row + k + 1];
    const alpha = x0 >= 0 ? -Math.sqrt(sigma) : Math.sqrt(sigma);
    const h = sigma - x0 * alpha;
    a[row + k + 1] = x0 - alpha;
    e[k] = scale * alpha;
    // p = A_sub v / h;  w = p − (vᵀp / 2h) v;  A_sub −= v wᵀ + w vᵀ.
    v.set(a.subarray(row + k + 1, row + n), k + 1);
    trailingMatVec(a, n, k + 1, v, p, h);
    let vp = 0;
    for (let r = k + 1; r < n; r++) vp += p[r] * v[r];
    const kk = vp / (2 * h);
    for (let r = k + 1; r < n; r++) p[r] -= kk * v[r];
    trailingRank2(a, n, k + 1, v, p);
  }
  if (n >= 2) {
    d[n - 2] = a[(n - 2) * n + n - 2];
    e[n - 2] = a[(n - 2) * n + n - 1];
  }
  d[n - 1] = a[n * n - 1];
  e[n - 1] = 0;
  return { d, e };
}

// The hot loops live in small functions: V8 optimizes them far better than one large body.

/** p[r] = Σ_c A[r][c] v[c] / h over the trailing block r, c ≥ k0. */
function trailingMatVec(a: Float64Array, n: number, k0: number, v: Float64Array, p: Float64Array, h: number): void {
  for (let r = k0; r < n; r++) {
    const rr = r * n;
    let s = 0;
    for (let c = k0; c < n; c++) s += a[rr + c] * v[c];
    p[r] = s / h;
  }
}

/** A[r][c] −= v[r] w[c] + w[r] v[c] over the trailing block r, c ≥ k0. */
function trailingRank2(a: Float64Array, n: number, k0: number, v: Float64Array, w: Float64Array): void {
  for (let r = k0; r < n; r++) {
    const rr = r * n, vr = v[r], wr = w[r];
    for (let c = k0; c < n; c++) a[rr + c] -= vr * w[c] + wr * v[c];
  }
}

/** Row r of M (columns ≥ k0) −= (M_r · v / h) vᵀ, for rows r ≥ k0: M ← M (I − v vᵀ/h). */
function reflectRows(m: Float64Array, n: number, k0: number, v: Float64Array, h: number): void {
  for (let r = k0; r < n; r++) {
    const rr = r * n;
    let s = 0;
    for (let c = k0; c < n; c++) s += m[rr + c] * v[c];
    s /= h;
    if (s === 0) continue;
    for (let c = k0; c < n; c++) m[rr + c] -= s * v[c];
  }
}

/** Plane rotation of rows i and i+1: (row i, row i+1) ← (c·ri − s·rj, s·ri + c·rj). */
function rotateRows(ut: Float64Array, n: number, i: number, c: number, s: number): void {
  const ri = i * n, rj = ri + n;
  for (let k = 0; k < n; k++) {
    const x = ut[rj + k], y = ut[ri + k];
    ut[rj + k] = s * y + c * x;
    ut[ri + k] = c * y - s * x;
  }
}

/** Qᵀ = P_{n−3} ⋯ P_0 from the reflectors stored by {@link tridiagonalize}, built right to left. */
function accumulateReflections(a: Float64Array, n: number): Float64Array {
  const qt = new Float64Array(n * n);
  for (let i = 0; i < n; i++) qt[i * n + i] = 1;
  const v = new Float64Array(n);
  for (let k = n - 3; k >= 0; k--) {
    const row = k * n;
    let vv = 0;
    for (let c = k + 1; c < n; c++) vv += a[row + c] * a[row + c];
    if (vv === 0) continue;
    v.set(a.subarray(row + k + 1, row + n), k + 1);
    reflectRows(qt, n, k + 1, v, vv / 2);
  }
  return qt;
}

const EPS = 2 ** -52;

/**
 * Implicit QL on the tridiagonal (d, e) (EISPACK tql2). Rotations are applied to the rows of
 * `ut` when given, so on return ut = (Q Z)ᵀ.
 */
function qlImplicit(d: Float64Array, e: Float64Array, n: number, ut: Float64Array | null): void {
  let f = 0;
  let tst1 = 0;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
    let m = l;
    while (m < n - 1 && Math.abs(e[m]) > EPS * tst1) m++;
    if (m > l) {
      let iter = 0;
      do {
        if (++iter > 60) throw new Error(`symmetric eigensolver: no convergence at index ${l}`);
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let h = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f += h;
        p = d[m];
        let c = 1, c2 = 1, c3 = 1, s = 0, s2 = 0;
        const el1 = e[l + 1];
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = Math.hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          if (ut) rotateRows(ut, n, i, c, s);
        }
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]) > EPS * tst1);
    }
    d[l] += f;
    e[l] = 0;
  }
}

function sortAscending(d: Float64Array, ut: Float64Array, n: number): SymmetricEigen {
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => d[i] - d[j]);
  const values = new Float64Array(n);
  const sorted = new Float64Array(n * n);
  order.forEach((src, dst) => {
    values[dst] = d[src];
    sorted.set(ut.subarray(src * n, src * n + n), dst * n);
  });
  return { n, values, ut: sorted };
}
