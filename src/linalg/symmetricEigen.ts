/**
 * Symmetric eigendecomposition on Float64Array: Householder tridiagonalization, then implicit QL
 * with Wilkinson-type shifts (the EISPACK tql2 iteration). Backward stable: the computed
 * values and vectors are exact for A + E with ‖E‖₂ = O(n·eps·‖A‖₂), and the vectors are
 * orthonormal to O(n·eps) — also for repeated and clustered eigenvalues, where individual
 * eigenvectors are not determined but the invariant subspaces are (spec/numerics.md).
 *
 * Performance (d = 200 must fit the library's time budget): every hot loop runs over contiguous
 * memory in a small function (V8 optimizes those far better than one large body), and the QL
 * rotations of a sweep are recorded and then applied row by row of U as one chain
 * (LAPACK's dlasr pattern): one load and one store per entry per sweep instead of two each.
 */

/** A = U diag(values) Uᵀ with ascending values. */
export interface SymmetricEigen {
  n: number;
  values: Float64Array;
  /** U, row-major n×n: column i is the unit eigenvector of values[i]. */
  u: Float64Array;
  /** Uᵀ, row-major n×n: row i is the unit eigenvector of values[i]. */
  ut: Float64Array;
}

/** Eigenvalues and eigenvectors of the symmetric n×n matrix `a` (row-major; not modified). */
export function symmetricEigen(a: Float64Array, n: number): SymmetricEigen {
  const { work, scale } = scaled(a);
  const { d, e } = tridiagonalize(work, n);
  const u = accumulateReflections(work, n);
  qlImplicit(d, e, n, u, QL_SWEEP_LIMIT);
  return sortAscending(unscale(d, scale), u, n);
}

/**
 * Eigenvalues only (ascending): a third of the work of {@link symmetricEigen}. `sweepLimit`: QL
 * sweeps allowed per eigenvalue before it throws (a safety net against a hang; the shifted
 * iteration converges in a few, a 2×2 block in one).
 */
export function symmetricEigenvalues(a: Float64Array, n: number, sweepLimit = QL_SWEEP_LIMIT): Float64Array {
  const { work, scale } = scaled(a);
  const { d, e } = tridiagonalize(work, n);
  qlImplicit(d, e, n, null, sweepLimit);
  return unscale(d, scale).sort();
}

/**
 * A copy of `a` times 2^k with max|2^k a| in [1, 2) (k ≤ 1023, the largest finite power): every
 * step below is homogeneous of degree one, so this exact power-of-two scaling changes no rounding
 * in the normal range, and keeps tql2's products and quotients from overflowing (entries past
 * ~1e154) or losing bits in subnormals. Non-finite entries are refused: unscaled, tql2 returned
 * finite eigenvalues for some (spec/numerics.md "The symmetric eigensolver").
 */
function scaled(a: Float64Array): { work: Float64Array; scale: number } {
  let max = 0;
  for (let q = 0; q < a.length; q++) max = Math.max(max, Math.abs(a[q]));
  if (!Number.isFinite(max)) throw new RangeError('symmetric eigensolver: non-finite matrix entry');
  const scale = max === 0 ? 1 : 2 ** Math.min(1023, -Math.floor(Math.log2(max)));
  return { work: a.map((x) => x * scale), scale };
}

/** Eigenvalues of 2^k·A back to A's: d / 2^k (exact unless the result is subnormal). */
function unscale(d: Float64Array, scale: number): Float64Array {
  for (let i = 0; i < d.length; i++) d[i] /= scale;
  return d;
}

/**
 * Householder reduction to tridiagonal form, in place. On return row k of `a` holds the
 * reflector v_k in columns k+1.. (all zero for an identity step); d is the diagonal and e[k]
 * couples d[k] and d[k+1]. Fused: while step k applies its rank-2 update row by row, it already
 * forms step k+1's product A v_{k+1} (whose reflector comes from the first updated row), so the
 * trailing matrix is swept once per step instead of twice.
 */
function tridiagonalize(a: Float64Array, n: number): { d: Float64Array; e: Float64Array } {
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  let v = new Float64Array(n), vNext = new Float64Array(n);
  let p = new Float64Array(n), pNext = new Float64Array(n);
  let h = n > 2 ? makeReflector(a, n, 0, v, e) : 0;
  let pending = false; // p already holds A_sub v / h (fused into the previous step)
  for (let k = 0; k + 2 < n; k++) {
    d[k] = a[k * n + k];
    if (h === 0) {
      pending = false;
      if (k + 3 < n) h = makeReflector(a, n, k + 1, v, e);
      continue;
    }
    // p = A_sub v / h;  w = p − (vᵀp / 2h) v;  A_sub −= v wᵀ + w vᵀ.
    if (!pending) trailingMatVec(a, n, k + 1, v, p, h);
    let vp = 0;
    for (let r = k + 1; r < n; r++) vp += p[r] * v[r];
    const kk = vp / (2 * h);
    for (let r = k + 1; r < n; r++) p[r] -= kk * v[r];
    updateRow(a, n, k + 1, k + 1, v, p);
    const hNext = k + 3 < n ? makeReflector(a, n, k + 1, vNext, e) : 0;
    if (hNext !== 0) {
      for (let r = k + 2; r < n; r++) pNext[r] = updateRowDot(a, n, r, k + 1, v, p, vNext) / hNext;
    } else {
      for (let r = k + 2; r < n; r++) updateRow(a, n, r, k + 1, v, p);
    }
    pending = hNext !== 0;
    h = hNext;
    [v, vNext] = [vNext, v];
    [p, pNext] = [pNext, p];
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

/**
 * Householder reflector of row k (columns k+1..): stores v in row k and in `v`, e[k] = the new
 * subdiagonal, and returns h = vᵀv/2 (0 when the row is already zero: identity step).
 */
function makeReflector(a: Float64Array, n: number, k: number, v: Float64Array, e: Float64Array): number {
  const row = k * n;
  let scale = 0;
  for (let c = k + 1; c < n; c++) scale += Math.abs(a[row + c]);
  if (scale === 0) {
    e[k] = 0;
    return 0;
  }
  let sigma = 0;
  for (let c = k + 1; c < n; c++) {
    const x = a[row + c] / scale;
    a[row + c] = x;
    sigma += x * x;
  }
  const x0 = a[row + k + 1];
  const alpha = x0 >= 0 ? -Math.sqrt(sigma) : Math.sqrt(sigma);
  a[row + k + 1] = x0 - alpha;
  e[k] = scale * alpha;
  v.set(a.subarray(row + k + 1, row + n), k + 1);
  return sigma - x0 * alpha;
}

/** Row r, columns ≥ k0: A[r][c] −= v[r] w[c] + w[r] v[c]. */
function updateRow(a: Float64Array, n: number, r: number, k0: number, v: Float64Array, w: Float64Array): void {
  const rr = r * n, vr = v[r], wr = w[r];
  for (let c = k0; c < n; c++) a[rr + c] -= vr * w[c] + wr * v[c];
}

/**
 * {@link updateRow} on columns > k0, returning Σ_{c > k0} A[r][c]·u[c] of the updated row (next
 * step's product). Column k0 of these rows (r > k0: below the diagonal) is never read again.
 */
function updateRowDot(a: Float64Array, n: number, r: number, k0: number, v: Float64Array, w: Float64Array, u: Float64Array): number {
  const rr = r * n, vr = v[r], wr = w[r];
  let s = 0;
  for (let c = k0 + 1; c < n; c++) {
    const x = a[rr + c] - (vr * w[c] + wr * v[c]);
    a[rr + c] = x;
    s += x * u[c];
  }
  return s;
}

/** p[r] = Σ_c A[r][c] v[c] / h over the trailing block r, c ≥ k0. */
function trailingMatVec(a: Float64Array, n: number, k0: number, v: Float64Array, p: Float64Array, h: number): void {
  for (let r = k0; r < n; r++) {
    const rr = r * n;
    let s = 0;
    for (let c = k0; c < n; c++) s += a[rr + c] * v[c];
    p[r] = s / h;
  }
}

/** M ← M (I − v vᵀ/h) on the trailing block r, c ≥ k0: row r −= (M_r · v / h) vᵀ. */
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

/**
 * Applies the rotations of one QL sweep, i = m−1 down to l, to every row of U (columns i and
 * i+1 of row r: (U_ri, U_r,i+1) ← (c U_ri − s U_r,i+1, s U_ri + c U_r,i+1)), carrying the
 * updated U_r,i+1 in a register along the chain.
 */
function applySweep(u: Float64Array, n: number, l: number, m: number, cs: Float64Array, sn: Float64Array): void {
  let r = 0;
  // Four rows at a time: four independent chains hide the latency of the carried value.
  for (; r + 3 < n; r += 4) {
    const r0 = r * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
    let x0 = u[r0 + m], x1 = u[r1 + m], x2 = u[r2 + m], x3 = u[r3 + m];
    for (let i = m - 1; i >= l; i--) {
      const c = cs[i], s = sn[i];
      const y0 = u[r0 + i], y1 = u[r1 + i], y2 = u[r2 + i], y3 = u[r3 + i];
      u[r0 + i + 1] = s * y0 + c * x0;
      u[r1 + i + 1] = s * y1 + c * x1;
      u[r2 + i + 1] = s * y2 + c * x2;
      u[r3 + i + 1] = s * y3 + c * x3;
      x0 = c * y0 - s * x0;
      x1 = c * y1 - s * x1;
      x2 = c * y2 - s * x2;
      x3 = c * y3 - s * x3;
    }
    u[r0 + l] = x0;
    u[r1 + l] = x1;
    u[r2 + l] = x2;
    u[r3 + l] = x3;
  }
  for (; r < n; r++) {
    const rr = r * n;
    let x = u[rr + m];
    for (let i = m - 1; i >= l; i--) {
      const y = u[rr + i], c = cs[i], s = sn[i];
      u[rr + i + 1] = s * y + c * x;
      x = c * y - s * x;
    }
    u[rr + l] = x;
  }
}

/**
 * Q = P_0 P_1 ⋯ P_{n−3} from the reflectors stored by {@link tridiagonalize}: Qᵀ = P_{n−3} ⋯ P_0
 * is built right to left with row operations (a dot product and an axpy per row), then
 * transposed.
 */
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
  const q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) q[j * n + i] = qt[i * n + j];
  return q;
}

const EPS = 2 ** -52;

/** QL sweeps per eigenvalue before the solver refuses (tql2's limit was 30). */
const QL_SWEEP_LIMIT = 60;

/**
 * Implicit QL on the tridiagonal (d, e) (EISPACK tql2). When `u` is given (U = Q on entry) the
 * rotations are accumulated into it, so on return U = Q Z.
 */
function qlImplicit(d: Float64Array, e: Float64Array, n: number, u: Float64Array | null, sweepLimit: number): void {
  const cs = new Float64Array(n), sn = new Float64Array(n);
  let f = 0;
  // Deflation threshold eps·‖T‖ from the whole tridiagonal (tql2 grows it with l: at l = 0 it saw
  // only d_0, e_0, and a subnormal e_0 next to a normal d_1 then made p = (d_1 − d_0)/(2e_0) overflow).
  let tst1 = 0;
  for (let l = 0; l < n; l++) tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
  for (let l = 0; l < n; l++) {
    let m = l;
    while (m < n - 1 && Math.abs(e[m]) > EPS * tst1) m++;
    if (m > l) {
      let iter = 0;
      do {
        if (++iter > sweepLimit) throw new Error(`symmetric eigensolver: no convergence at index ${l}`);
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
          cs[i] = c;
          sn[i] = s;
        }
        if (u) applySweep(u, n, l, m, cs, sn);
        // e_l / d_{l+1} = 1/(p + r), |·| ≤ 1: the product of two off-diagonals (tql2's el1·e_l) overflows past 1e154.
        p = -s * s2 * c3 * el1 * (e[l] / dl1);
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]) > EPS * tst1);
    }
    d[l] += f;
    e[l] = 0;
  }
}

function sortAscending(d: Float64Array, u: Float64Array, n: number): SymmetricEigen {
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => d[i] - d[j]);
  const values = new Float64Array(n);
  const su = new Float64Array(n * n), ut = new Float64Array(n * n);
  order.forEach((src, dst) => {
    values[dst] = d[src];
    for (let r = 0; r < n; r++) {
      const x = u[r * n + src];
      su[r * n + dst] = x;
      ut[dst * n + r] = x;
    }
  });
  return { n, values, u: su, ut };
}
