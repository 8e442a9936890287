/**
 * The 2-D non-quadratic engine (C22, spec/weak.md §11): its pieces against exact results, the whole
 * engine against closed forms on a quadratic objective (SGD and the OU processes are Gaussian;
 * HA-SME's law equals SGD's, C4), problem-file validation, and C22's check on injected results
 * (it fails on a wrong order, a larger HA-SME constant, or an engine error above 1e-3 of a weak error).
 */
import { describe, expect, it } from 'vitest';
import { HasmeInputError } from '../src/errors.js';
import type { SdeModel } from '../src/formats/types.js';
import { parseProblem } from '../src/problems/parse.js';
import type { TwoDimProblem } from '../src/problems/types.js';
import { fornbergWeights } from '../src/weak/fdWeights.js';
import { BASE_2D, REFINED_2D, TWOD_ENGINE_RATIO, hasmeLambdaMinMap, twoDimWeakRows, type TwoDimResolution, type TwoDimRow } from '../src/weak/twoDim.js';
import { makeC22 } from '../src/weak/twoDimClaim.js';
import { twoDimTableParallel } from '../src/weak/twoDimParallel.js';
import { weakTable } from '../src/weak/table.js';
import { renderWeakTable } from '../src/weak/render.js';
import { weakSeconds } from '../src/weak/budget.js';
import { builtinProblem } from '../src/problems/builtin.js';

const OPTS = { runs: 1000, seed: 1 };

describe('2-D engine pieces', () => {
  it('Fornberg weights differentiate polynomials of degree ≤ n − 1 exactly (to 1e-10)', () => {
    const nodes = [-3, -2, -1, 0, 1, 2, 3, 4];
    const w = fornbergWeights(0.3, nodes, 2);
    const p = (x: number) => 2 - x + 0.5 * x ** 3 - 0.02 * x ** 7;
    const dp = (x: number) => -1 + 1.5 * x ** 2 - 0.14 * x ** 6;
    const d2p = (x: number) => 3 * x - 0.84 * x ** 5;
    const apply = (k: number) => nodes.reduce((s, x, j) => s + w[k][j] * p(x), 0);
    expect(Math.abs(apply(0) - p(0.3))).toBeLessThan(1e-10);
    expect(Math.abs(apply(1) - dp(0.3))).toBeLessThan(1e-10);
    expect(Math.abs(apply(2) - d2p(0.3))).toBeLessThan(1e-10);
  });
});

/** A quadratic f = (μ/2)|x|² (no ridges): SGD's and every model's law is Gaussian in closed form. */
const QUADRATIC: TwoDimProblem = {
  kind: 'twod',
  ridges: [],
  mu: '1',
  Sigma: [['1', '0.3'], ['0.3', '0.5']],
  x0: ['0.8', '-0.4'],
  T: '0.5',
  etas: ['0.05'],
  models: ['sme1', 'hasme'],
  test: { center: ['0.3', '0.2'], width: '1' },
};

/** E exp(−|x − c|²/(2w²)) for x ~ N(m, sI + Σ·v) with Σ 2×2: det(I + C/w²)^{−1/2} exp(−½ (m − c)ᵀ(C + w²I)⁻¹(m − c)). */
function gaussianTest(m: number[], C: number[][], c: number[], w: number): number {
  const A = [[C[0][0] + w * w, C[0][1]], [C[1][0], C[1][1] + w * w]];
  const det = A[0][0] * A[1][1] - A[0][1] * A[1][0];
  const d = [m[0] - c[0], m[1] - c[1]];
  const q = (A[1][1] * d[0] * d[0] - 2 * A[0][1] * d[0] * d[1] + A[0][0] * d[1] * d[1]) / det;
  return (w * w / Math.sqrt(det)) * Math.exp(-q / 2);
}

/** Coarse resolutions: the closed-form test checks the engine against its own (then larger) error estimate, quickly. */
const COARSE: TwoDimResolution = { spacing: 0.2, order: 12, quadratureNodes: 4, margin: 1 };
const FINE: TwoDimResolution = { spacing: 0.15, order: 14, quadratureNodes: 5, margin: 1.5 };

describe('2-D engine against closed forms (C22, additive quadratic)', () => {
  it('SGD and SME-1 match their Gaussian laws, HA-SME matches SGD (C4), within 10× the engine estimate', () => {
    const rows = twoDimWeakRows(QUADRATIC, { base: COARSE, refined: FINE, finer: false });
    const eta = 0.05;
    const mu = 1;
    const K = 10;
    const S = [[1, 0.3], [0.3, 0.5]];
    const m = 1 - eta * mu;
    const sgdVar = (eta * eta * (1 - m ** (2 * K))) / (1 - m * m);
    const sgd = gaussianTest([0.8 * m ** K, -0.4 * m ** K], S.map((r) => r.map((x) => x * sgdVar)), [0.3, 0.2], 1);
    const T = 0.5;
    const ouVar = (eta * (1 - Math.exp(-2 * mu * T))) / (2 * mu);
    const sme1 = gaussianTest([0.8 * Math.exp(-mu * T), -0.4 * Math.exp(-mu * T)], S.map((r) => r.map((x) => x * ouVar)), [0.3, 0.2], 1);
    const by = (model: SdeModel) => rows.find((r) => r.model === model)!;
    const bound = 10 * Math.max(...rows.map((r) => r.engineError)) + 1e-12;
    expect(Math.abs(by('sme1').sgd - sgd)).toBeLessThan(bound);
    expect(Math.abs(by('sme1').sde - sme1)).toBeLessThan(bound);
    expect(Math.abs(by('hasme').error)).toBeLessThan(bound);
    expect(Math.abs(by('sme1').error)).toBeGreaterThan(100 * bound);
  });
});

describe('2-D engine on worker threads', () => {
  it('C22: a table split by step size over 2 threads has exactly the rows of one thread (byte-identical JSON)', async () => {
    // Values need no accuracy here, only identity: the coarsest grids the engine takes.
    const p = { ...QUADRATIC, etas: ['0.1', '0.05'] };
    const opts = { base: { ...COARSE, spacing: 0.4, order: 6 }, refined: { ...COARSE, spacing: 0.3, order: 8 }, finer: false as const };
    const threaded = await twoDimTableParallel(p, opts, 2);
    expect(JSON.stringify(threaded)).toBe(JSON.stringify(twoDimWeakRows(p, opts)));
  }, 120_000);

  it('a worker’s typed refusal reaches the caller as the same HasmeInputError', async () => {
    const p = { ...QUADRATIC, etas: ['0.1', '1.5'] };
    await expect(twoDimTableParallel(p, { base: { ...COARSE, spacing: 0.4, order: 6 }, refined: { ...COARSE, spacing: 0.3, order: 8 } }, 2)).rejects.toMatchObject({ code: 'unsupported' });
  }, 120_000);
});

describe('hasme weak on 2-D problems: rows below the engine bar (C22)', () => {
  it('C22: flags HA-SME’s rows on an additive quadratic (its true error is 0, C4: the engine error is all there is) and no SME-1 row', async () => {
    const p = { ...QUADRATIC, T: '0.05', etas: ['0.05', '0.025'] };
    const t = await weakTable(p);
    expect(t.belowBar?.map((r) => `${r.model} ${r.eta}`)).toEqual(['hasme 0.05', 'hasme 0.025']);
    expect(t.belowBar!.every((r) => r.ratio > 1e-3)).toBe(true);
    expect(renderWeakTable(t)).toMatch(/below the 2-D engine's bar[^\n]*\n {2}hasme {2}η = 0\.05: engine error/);
  }, 120_000);
});

describe('C22 engine bar: the third resolution level (spec/weak.md §11, "Own error")', () => {
  // One SGD step of ridges-d2; a deliberately coarse first level, so that the first pair misses the bar.
  const p = { ...(builtinProblem('ridges-d2') as TwoDimProblem), T: '0.05', etas: ['0.05'] };
  const COARSE: TwoDimResolution = { spacing: 0.3, order: 6, quadratureNodes: 3, margin: 1.5 };
  const misses = (rows: TwoDimRow[]) => rows.filter((r) => !(r.engineError <= TWOD_ENGINE_RATIO * Math.abs(r.error)));

  it('a step size whose rows miss the bar is recomputed one level finer: its values and error estimate are those of the next pair', () => {
    expect(misses(twoDimWeakRows(p, { base: COARSE, refined: BASE_2D, finer: false })).length).toBeGreaterThan(0);
    const escalated = twoDimWeakRows(p, { base: COARSE, refined: BASE_2D, finer: REFINED_2D });
    expect(escalated).toEqual(twoDimWeakRows(p, { base: BASE_2D, refined: REFINED_2D, finer: false }));
    expect(misses(escalated)).toEqual([]);
  }, 120_000);

  it('a step size whose rows meet the bar keeps the first pair', () => {
    const first = twoDimWeakRows(p, { base: BASE_2D, refined: REFINED_2D, finer: false });
    expect(misses(first)).toEqual([]);
    expect(twoDimWeakRows(p, { base: BASE_2D, refined: REFINED_2D, finer: COARSE })).toEqual(first);
  }, 120_000);
});

describe('2-D problem files (spec/weak.md §11)', () => {
  const good = () => structuredClone({ ...builtinFile(), kind: 'twod' });
  function builtinFile(): Record<string, unknown> {
    const p = builtinProblem('ridges-d2') as TwoDimProblem;
    return JSON.parse(JSON.stringify(p));
  }
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e instanceof HasmeInputError ? e.code : 'other';
    }
    return 'none';
  };

  it('the built-ins parse and round-trip through the parser', () => {
    expect(parseProblem(good()).kind).toBe('twod');
  });

  it.each([
    ['no ridges', (o: Record<string, unknown>) => (o.ridges = []), 'shape'],
    ['a zero ridge direction', (o: Record<string, unknown>) => ((o.ridges as { a: string[] }[])[0].a = ['0', '0']), 'parse'],
    ['a negative λ', (o: Record<string, unknown>) => ((o.ridges as { lambda: string }[])[0].lambda = '-1'), 'parse'],
    ['negative μ', (o: Record<string, unknown>) => (o.mu = '-0.1'), 'parse'],
    ['singular Σ', (o: Record<string, unknown>) => (o.Sigma = [['1', '1'], ['1', '1']]), 'not-psd'],
    ['asymmetric Σ', (o: Record<string, unknown>) => (o.Sigma = [['1', '0.2'], ['0.1', '1']]), 'not-symmetric'],
    ['x0 of length 3', (o: Record<string, unknown>) => (o.x0 = ['1', '2', '3']), 'shape'],
    ['a test without center', (o: Record<string, unknown>) => (o.test = { width: '1' }), 'parse'],
    ['a non-number', (o: Record<string, unknown>) => (o.mu = 'abc'), 'non-finite'],
  ])('%s is refused with a typed error', (_name, edit, expected) => {
    const o = good();
    edit(o);
    expect(code(() => parseProblem(o))).toBe(expected);
  });

  it('a problem beyond the grid limit is refused before any work; a long one is estimated past the time limit', () => {
    const huge = { ...(builtinProblem('ridges-d2') as TwoDimProblem), T: '40', etas: ['0.05'] };
    expect(code(() => twoDimWeakRows(huge))).toBe('unsupported');
    // The SDE solves cost grows with the grid and T, not with 1/η: ten step sizes at T = 1.5.
    const long = { ...(builtinProblem('ridges-d2') as TwoDimProblem), T: '1.5', etas: ['0.3', '0.15', '0.1', '0.075', '0.05', '0.0375', '0.025', '0.01875', '0.0125', '0.00625'] };
    expect(weakSeconds(long)).toBeGreaterThan(300);
  });

  it('η beyond regime R (η·curvature ≥ 1) is refused', () => {
    const p = { ...(builtinProblem('ridges-d2') as TwoDimProblem), etas: ['0.5'] };
    expect(code(() => twoDimWeakRows(p, { base: COARSE, refined: FINE }))).toBe('unsupported');
  });
});

describe('HA-SME λ_min(Σ̃(x)) map (C22)', () => {
  it('is positive on ridges-d2 at η = 0.05 and negative somewhere for a nearly singular Σ at a large η', () => {
    const good = hasmeLambdaMinMap(builtinProblem('ridges-d2') as TwoDimProblem, 0.05, 0.5);
    expect(Math.min(...good.lambdaMin.flat())).toBeGreaterThan(0);
    const bad = { ...(builtinProblem('ridges-d2') as TwoDimProblem), Sigma: [['0.5', '0.4999'], ['0.4999', '0.5']] };
    const map = hasmeLambdaMinMap(bad, 0.3, 0.5);
    expect(Math.min(...map.lambdaMin.flat())).toBeLessThan(0);
  });
});

/** Synthetic rows err = C η^q (1 + η) per model (exact orders), for the check's logic. */
function syntheticRows(constants: Record<SdeModel, [number, number]>, engineError = 0): TwoDimRow[] {
  const etas = [0.05, 0.025, 0.0125, 0.00625];
  return etas.flatMap((eta) =>
    (Object.keys(constants) as SdeModel[]).map((model) => {
      const [C, q] = constants[model];
      const error = C * eta ** q * (1 + eta);
      return { model, eta, steps: Math.round(0.5 / eta), sgd: 0.5, sde: 0.5 + error, error, engineError: engineError * Math.abs(error) };
    }),
  );
}

const GOOD: Record<SdeModel, [number, number]> = { sme1: [0.02, 1], sme2: [0.3, 2], spf: [0.25, 2], hasme: [-0.05, 2] };

describe('C22 check (injected results)', () => {
  it('C22 holds on exact orders 1, 2, 2, 2 with HA-SME the smallest constant', async () => {
    const out = await makeC22(async () => syntheticRows(GOOD)).run(OPTS);
    expect(out.status).toBe('holds');
    expect(out.cases).toBe(4 + 1 + 2);
  });

  it('C22 fails when HA-SME is order 1 (its errors replaced by order-1 errors)', async () => {
    const out = await makeC22(async () => syntheticRows({ ...GOOD, hasme: [0.01, 1] })).run(OPTS);
    expect(out.status).toBe('fails');
    expect(out.counterexample?.description).toMatch(/hasme.*order 1, expected 2/);
  });

  it('C22 fails when HA-SME’s constant is larger than SPF’s', async () => {
    const out = await makeC22(async () => syntheticRows({ ...GOOD, hasme: [0.5, 2] })).run(OPTS);
    expect(out.status).toBe('fails');
    expect(out.counterexample?.description).toMatch(/exceeds/);
  });

  it('C22 fails when the engine error exceeds 1e-3 of a weak error', async () => {
    const out = await makeC22(async () => syntheticRows(GOOD, 2e-3)).run(OPTS);
    expect(out.status).toBe('fails');
    expect(out.counterexample?.description).toMatch(/engine's error/);
  });
});
