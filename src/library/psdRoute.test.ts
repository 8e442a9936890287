/**
 * The PSD check's cost contract (spec/numerics.md "Input validation", `not-psd`): Σ is checked by a
 * Cholesky factorization of Σ + τ_Σ I (d³/3 flops), and only when it fails are Σ's eigenvalues
 * computed. τ_Σ = 8·d·eps·‖Σ‖_F covers Cholesky's backward error, so an exactly PSD Σ (also a
 * rank-deficient one, C7) is accepted without an eigenvalue solve; a clearly indefinite Σ is refused
 * after one solve that names λ_min. The spectra are known by construction (integer Gram matrices,
 * exact in double), not taken from the library.
 */
import { describe, expect, it, vi } from 'vitest';
import { HasmeInputError } from '../errors.js';
import { symmetricEigenvalues } from '../linalg/symmetricEigen.js';
import { PSD_TOL_EPS, requirePsd } from './input.js';

// Keeps the real eigensolver and records its calls.
vi.mock('../linalg/symmetricEigen.js', { spy: true });
const eigenCalls = vi.mocked(symmetricEigenvalues);

/** A small deterministic integer stream (LCG), so every case is replayable from its index. */
function integers(seed: number): (lo: number, hi: number) => number {
  let s = seed >>> 0;
  return (lo, hi) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return lo + (s % (hi - lo + 1));
  };
}

/** Σ = JᵀJ − c·I for an integer r×d matrix J: exact in double, λ_min = −c when r < d (rank ≤ r). */
function gram(d: number, r: number, c: number, seed: number): Float64Array {
  const next = integers(seed);
  const j = Array.from({ length: r * d }, () => next(-9, 9));
  const s = new Float64Array(d * d);
  for (let a = 0; a < d; a++) {
    for (let b = 0; b < d; b++) {
      let v = 0;
      for (let k = 0; k < r; k++) v += j[k * d + a] * j[k * d + b];
      s[a * d + b] = a === b ? v - c : v;
    }
  }
  return s;
}

function frobenius(s: Float64Array): number {
  return Math.sqrt(s.reduce((acc, v) => acc + v * v, 0));
}

/** Eigenvalue solves that `requirePsd` made, and the error it raised (null when accepted). */
function check(d: number, s: Float64Array): { solves: number; error: HasmeInputError | null } {
  eigenCalls.mockClear();
  try {
    requirePsd('Sigma', { d, data: s.slice() });
    return { solves: eigenCalls.mock.calls.length, error: null };
  } catch (err) {
    if (!(err instanceof HasmeInputError)) throw err;
    return { solves: eigenCalls.mock.calls.length, error: err };
  }
}

const CASES = Array.from({ length: 60 }, (_, q) => ({ seed: 1000 + q, d: 2 + (q % 7), deficit: 1 + (q % 3) }));

describe('PSD check: Cholesky first, an eigenvalue solve only when it fails (spec/numerics.md "Input validation", C7)', () => {
  it('full-rank and rank-deficient Gram matrices (exactly PSD) are accepted without an eigenvalue solve', () => {
    let asserted = 0;
    for (const { seed, d, deficit } of CASES) {
      for (const r of [d, Math.max(1, d - deficit)]) {
        const out = check(d, gram(d, r, 0, seed));
        expect(out, `seed ${seed}, d ${d}, rank ≤ ${r}`).toEqual({ solves: 0, error: null });
        asserted++;
      }
    }
    expect(asserted).toBe(2 * CASES.length);
  });

  it('λ_min = −τ/4 (inside the tolerance, placed by construction) is accepted without an eigenvalue solve', () => {
    for (const { seed, d, deficit } of CASES) {
      const s0 = gram(d, Math.max(1, d - deficit), 0, seed);
      const tau = PSD_TOL_EPS * d * Number.EPSILON * frobenius(s0);
      // Subtracting τ/4 from integer diagonal entries rounds by ≤ ulp(‖Σ‖)/2 ≪ τ/4.
      expect(check(d, gram(d, Math.max(1, d - deficit), tau / 4, seed)), `seed ${seed}, d ${d}`).toEqual({ solves: 0, error: null });
    }
  });

  it('λ_min = −1 (clearly indefinite) is refused as not-psd after exactly one eigenvalue solve, which names λ_min', () => {
    for (const { seed, d, deficit } of CASES) {
      const out = check(d, gram(d, Math.max(1, d - deficit), 1, seed));
      expect(out.error?.code, `seed ${seed}, d ${d}`).toBe('not-psd');
      expect(out.solves).toBe(1);
      // The named eigenvalue is λ_min = −1 to the eigensolver's backward error (d·eps·‖Σ‖).
      const lambda = (out.error?.detail as { eigenvalue: number }).eigenvalue;
      expect(Math.abs(lambda + 1)).toBeLessThan(64 * d * Number.EPSILON * frobenius(gram(d, Math.max(1, d - deficit), 1, seed)));
    }
  });
});
