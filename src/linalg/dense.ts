/**
 * Dense row-major Float64Array kernels. Every product has the form C = A·Bᵀ (dot products of
 * contiguous rows), register-blocked 4×2; with `symmetric` only the blocks on or above the
 * diagonal are computed and the rest mirrored (half the work when C is known to be symmetric).
 */

/**
 * C = A·Bᵀ with A n×p and B m×p (row-major). `symmetric` (n = m, C known symmetric in exact
 * arithmetic) computes the upper triangle and mirrors it, so the result is exactly symmetric.
 */
export function mulABt(
  a: Float64Array,
  b: Float64Array,
  n: number,
  m: number,
  p: number,
  symmetric = false,
  out: Float64Array = new Float64Array(n * m),
): Float64Array {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const a0 = i * p, a1 = a0 + p, a2 = a1 + p, a3 = a2 + p;
    let j = symmetric ? i : 0;
    for (; j + 1 < m; j += 2) {
      const b0 = j * p, b1 = b0 + p;
      let s00 = 0, s01 = 0, s10 = 0, s11 = 0, s20 = 0, s21 = 0, s30 = 0, s31 = 0;
      for (let k = 0; k < p; k++) {
        const y0 = b[b0 + k], y1 = b[b1 + k];
        const x0 = a[a0 + k], x1 = a[a1 + k], x2 = a[a2 + k], x3 = a[a3 + k];
        s00 += x0 * y0; s01 += x0 * y1; s10 += x1 * y0; s11 += x1 * y1;
        s20 += x2 * y0; s21 += x2 * y1; s30 += x3 * y0; s31 += x3 * y1;
      }
      const c0 = i * m + j;
      out[c0] = s00; out[c0 + 1] = s01;
      out[c0 + m] = s10; out[c0 + m + 1] = s11;
      out[c0 + 2 * m] = s20; out[c0 + 2 * m + 1] = s21;
      out[c0 + 3 * m] = s30; out[c0 + 3 * m + 1] = s31;
    }
    for (; j < m; j++) for (let r = i; r < i + 4; r++) out[r * m + j] = dot(a, r * p, b, j * p, p);
  }
  for (; i < n; i++) for (let j = symmetric ? i : 0; j < m; j++) out[i * m + j] = dot(a, i * p, b, j * p, p);
  if (symmetric) mirrorUpper(out, n);
  return out;
}

/** Σ_k a[ia + k] b[ib + k]. */
export function dot(a: Float64Array, ia: number, b: Float64Array, ib: number, p: number): number {
  let s = 0;
  for (let k = 0; k < p; k++) s += a[ia + k] * b[ib + k];
  return s;
}

/** Copies the strict upper triangle of the n×n matrix onto the lower one. */
export function mirrorUpper(c: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) c[j * n + i] = c[i * n + j];
}

/** Transpose of the n×m matrix a (m×n result). */
export function transpose(a: Float64Array, n: number, m: number): Float64Array {
  const t = new Float64Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) t[j * n + i] = a[i * m + j];
  return t;
}

/** y = A x for the n×p matrix A. */
export function mulVec(a: Float64Array, x: Float64Array, n: number, p: number): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = dot(a, i * p, x, 0, p);
  return y;
}

/** Frobenius norm, scaled to avoid overflow and underflow. */
export function frobenius(a: Float64Array): number {
  let scale = 0;
  for (let i = 0; i < a.length; i++) scale = Math.max(scale, Math.abs(a[i]));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i] / scale;
    s += v * v;
  }
  return scale * Math.sqrt(s);
}

/** U diag(f) Uᵀ for U row-major n×n (columns are eigenvectors): exactly symmetric result. */
export function spectralFunction(u: Float64Array, f: Float64Array, n: number): Float64Array {
  const uf = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) uf[i * n + k] = u[i * n + k] * f[k];
  return mulABt(uf, u, n, n, n, true);
}

/**
 * U X Uᵀ for U row-major n×n. `symmetric` (default): X is symmetric and so is the result,
 * computed as (U Xᵀ) Uᵀ with the upper triangle mirrored; otherwise X is general.
 */
export function congruence(u: Float64Array, x: Float64Array, n: number, symmetric = true): Float64Array {
  const ux = mulABt(u, symmetric ? x : transpose(x, n, n), n, n, n);
  return mulABt(ux, u, n, n, n, symmetric);
}
