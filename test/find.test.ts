/**
 * `hasme find` (issue #7): each claim stated without its conditions is refuted by a shrunk,
 * readable case that the decimal reference confirms and that `hasme serve` accepts as a request.
 */
import { describe, expect, it } from 'vitest';
import { params } from '../properties/budget.js';
import { FIND_CLAIMS, findClaim } from '../src/find/claims.js';
import { findCounterexample, type FindResult } from '../src/find/search.js';
import { handleLine } from '../src/serve/handle.js';
import { HasmeInputError } from '../src/errors.js';

const RUNS = 100;

function run(id: string): FindResult {
  const p = params(RUNS);
  return findCounterexample(findClaim(id), { runs: p.numRuns!, seed: p.seed! });
}

/** The request through `hasme serve`'s line handler. */
function serve(r: FindResult): Record<string, unknown> {
  return JSON.parse(handleLine(JSON.stringify(r.request))) as Record<string, unknown>;
}

describe('find: unconditioned PSD claim (C6, C7)', () => {
  const r = run('psd-small-step');

  it('finds a d = 2 counterexample with a rank-deficient or ill-conditioned Σ at ηλ < 1/2', () => {
    expect(r.found).toBe(true);
    const c = r.case!;
    expect(c.d).toBe(2);
    const pos = c.sigmaEig.filter((s) => s > 0);
    const rankDeficient = pos.length < c.d;
    const kappa = Math.max(...pos) / Math.min(...pos);
    expect(rankDeficient || kappa >= 100).toBe(true);
    expect(c.eta * Math.max(...c.eigH.map(Math.abs))).toBeLessThan(0.5);
    expect(r.violation!.measured.lambdaMin as number).toBeLessThan(0);
  });

  it('violates by the second-order amount: λmin(Σ̃) = −(η²/12)(vᵀHw)² + O(η³) for Σ = vvᵀ, Σw = 0', () => {
    // Σ̃ = (I + ηH/2) Σ (I + ηH/2) + η²[(H²Σ + ΣH²)/3 − HΣH/12] + O(η³) (C11); the first term is a
    // rank-1 congruence, so on the null vector w only −(η²/12)(wᵀHv)² survives (spec/regions.md).
    const c = r.case!;
    const S = c.Sigma;
    expect(c.sigmaEig.filter((x) => x > 0)).toHaveLength(1); // shrinking ends in rank 1 (seeds 1–8 and the default)
    const v = [Math.sqrt(S[0][0]), Math.sign(S[0][1]) * Math.sqrt(S[1][1])];
    const nv = Math.hypot(v[0], v[1]);
    const w = [-v[1] / nv, v[0] / nv];
    const vHw = v[0] * (c.H[0][0] * w[0] + c.H[0][1] * w[1]) + v[1] * (c.H[1][0] * w[0] + c.H[1][1] * w[1]);
    const predicted = -((c.eta * c.eta) / 12) * vHw * vHw;
    const etaLambda = c.eta * Math.max(...c.eigH.map(Math.abs));
    expect(Math.abs((r.violation!.measured.lambdaMin as number) / predicted - 1)).toBeLessThan(4 * etaLambda);
  });

  it('is confirmed by the 50-digit reference and answered by hasme serve', () => {
    expect(r.reference).toMatch(/^reference \(50 digits\) confirms: λmin\(Σ̃\) = -/);
    const resp = serve(r);
    expect(resp.id).toBe('find-psd-small-step');
    expect(resp.regime).toBe('R');
    expect(resp.error).toBeUndefined();
  });

  it('replays the shrunk case from its seed and path', () => {
    const again = findCounterexample(findClaim('psd-small-step'), { runs: 1, seed: r.seed, path: r.path! });
    expect(again.found).toBe(true);
    expect(again.case).toEqual(r.case);
  });
});

describe('find: the other unconditioned claims', () => {
  it('C5 without commuting: a misaligned d = 2 pair with Σ ≻ 0 in regime R', () => {
    const r = run('psd-real-regime');
    expect(r.found).toBe(true);
    expect(r.case!.d).toBe(2);
    expect(r.case!.sigmaEig.every((s) => s > 0)).toBe(true);
    expect(r.reference).toMatch(/confirms/);
  });

  it('C3 at ηa = 1: HA-SME is undefined (C9), the reference agrees, serve answers "singular"', () => {
    const r = run('pcov-unit-step');
    expect(r.found).toBe(true);
    expect(r.case!.d).toBe(1); // shrinks to H = [[1]], η = 1
    expect(r.violation!.measured.error).toBe('singular');
    expect(r.reference).toMatch(/confirms/);
    expect(serve(r).error).toBe('singular');
  });

  it('C4 in regime X: no covariance (C8); serve returns cov null', () => {
    const r = run('cov-oscillatory');
    expect(r.found).toBe(true);
    expect(r.case!.d).toBe(1);
    expect(r.reference).toMatch(/confirms/);
    const resp = serve(r);
    expect(resp.cov).toBeNull();
    expect(resp.error).toBeUndefined();
    expect(resp.pcov).toEqual([[expect.anything()]]); // d = 1: a 1×1 pseudo-covariance (C3 holds in X)
  });

  it('every searchable claim names claim IDs; unknown names are refused', () => {
    for (const c of FIND_CLAIMS) expect(c.related.length).toBeGreaterThan(0);
    expect(findClaim('C7').id).toBe('psd-small-step');
    expect(() => findClaim('nope')).toThrow(HasmeInputError);
  });
});
