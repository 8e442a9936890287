// The symmetric eigensolver: residual and orthogonality at working precision, including repeated
// and clustered spectra (which C12's eigenbasis independence relies on).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { params } from '../properties/budget.js';
import { context, eigSym, realOps, refEigSym, type Ctx, type RealMatrix } from './index.js';

const ctx = context({ digits: 50 });
const R = realOps(ctx);
/** Residual bound: 1000 units of the working precision (measured worst ≈ 10 units). */
const TOL = ctx.eps.times(1000);

function residuals(H: RealMatrix, c: Ctx = ctx) {
  const Rc = realOps(c);
  const { values, vectors: V } = eigSym(H, c);
  const n = H.length;
  const scale = Rc.frobenius(H).plus(1e-300);
  return {
    values,
    eig: Rc.frobenius(Rc.sub(Rc.mul(H, V), Rc.mul(V, Rc.diag(values)))).div(scale),
    orth: Rc.frobenius(Rc.sub(Rc.mul(Rc.transpose(V), V), Rc.identity(n))),
  };
}

/** Q diag(a) Qᵀ with Q an exact rotation in the planes (0,1), (1,2), ... by (0.6, 0.8). */
function exactSpectrum(a: string[]): RealMatrix {
  const n = a.length;
  let Q = R.identity(n);
  for (let p = 0; p + 1 < n; p++) {
    const G = R.identity(n);
    G[p][p] = G[p + 1][p + 1] = new ctx.D('0.6');
    G[p][p + 1] = new ctx.D('-0.8');
    G[p + 1][p] = new ctx.D('0.8');
    Q = R.mul(Q, G);
  }
  return R.mul(Q, R.mul(R.diag(a.map((x) => new ctx.D(x))), R.transpose(Q)));
}

describe('eigSym', () => {
  it('random symmetric matrices d = 1..8: ‖HV − VΛ‖/‖H‖ and ‖VᵀV − I‖ ≤ 1000·10^−work', () => {
    const entry = fc.integer({ min: -10_000, max: 10_000 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }).chain((n) => fc.array(fc.array(entry, { minLength: n, maxLength: n }), { minLength: n, maxLength: n })), (A) => {
        const n = A.length;
        const H = A.map((row, i) => row.map((_, j) => new ctx.D(A[Math.min(i, j)][Math.max(i, j)]).div(1000)));
        const r = residuals(H);
        expect(r.eig.lte(TOL), `eig residual ${r.eig.toExponential(2)} at n = ${n}`).toBe(true);
        expect(r.orth.lte(TOL), `orthogonality ${r.orth.toExponential(2)}`).toBe(true);
        for (let i = 1; i < n; i++) expect(r.values[i].gte(r.values[i - 1])).toBe(true);
      }),
      params(25),
    );
  });

  const spectra: [string, string[]][] = [
    ['repeated (triple)', ['2', '2', '2', '-1']],
    ['clustered 1e-20', ['1', '1.00000000000000000001', '3', '-2']],
    ['clustered 1e-40', ['0.5', '0.5000000000000000000000000000000000000001', '0.5', '7']],
    ['all equal', ['3', '3', '3', '3', '3']],
    ['huge dynamic range', ['1e-30', '1', '1e30']],
    ['zero matrix', ['0', '0', '0']],
  ];
  for (const [name, a] of spectra) {
    it(`${name}: eigenvalues to working precision, residual and orthogonality`, () => {
      const H = exactSpectrum(a);
      const r = residuals(H);
      expect(r.eig.lte(TOL)).toBe(true);
      expect(r.orth.lte(TOL)).toBe(true);
      const want = a.map((x) => new ctx.D(x)).sort((x, y) => x.comparedTo(y));
      const scale = R.frobenius(H);
      want.forEach((w, i) => expect(r.values[i].minus(w).abs().lte(scale.times(TOL)), `${r.values[i]} vs ${w}`).toBe(true));
    });
  }

  it('at 200 digits the residual scales with the precision', () => {
    const c = context({ digits: 200 });
    const H = exactSpectrum(['1', '1.0000000000000000000000000000001', '-4', '9']).map((row) => row.map((x) => new c.D(x)));
    const r = residuals(H, c);
    expect(r.eig.lte(c.eps.times(1000))).toBe(true);
    expect(r.orth.lte(c.eps.times(1000))).toBe(true);
  });

  it('refEigSym validates its input', () => {
    expect(() => refEigSym([['1', '2'], ['3', '1']])).toThrow(/not-symmetric: H\[0\]\[1\]/);
    expect(() => refEigSym([['1', '2']])).toThrow(/shape/);
  });
});
