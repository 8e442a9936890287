/**
 * The report's checks for C14–C17 (src/claims/types.ts ClaimCheck), computed by the weak-error
 * engines: exact Decimal moments for quadratics (C14, C15, C16), the 1-D engine for C17.
 * Budget: `runs` scales the number of generated problems (default report budget 100 → 3 each).
 */
import type { CheckOptions, ClaimCheck, ClaimId, ClaimOutcome, Counterexample } from '../claims/types.js';
import type { SdeModel } from '../formats/types.js';
import type { QuadraticLike, SaddleProblem } from '../problems/types.js';
import { asymptoticOrders, deviation, type ExpectedOrder } from './asymptotic.js';
import { builtinEscape, builtinOneDimRows, builtinSweep, builtinTable, CHECK_DIGITS, smallestEverywhere } from './builtinResults.js';
import { escapeTimesText } from './escapeRender.js';
import { halvings, randomFiniteSum, randomQuadratic, randomSaddle } from './generate.js';
import { fitOrder, type OrderFit } from './orders.js';
import { exponentsText, type Sweep } from './sweep.js';

/** Fitted orders must be within this of the expected ones (issue #5). */
export const ORDER_TOLERANCE = 0.15;
/** The 1-D engine's error must be at least 100× below every weak error it measures. */
export const ENGINE_RATIO = 0.01;

const SDE: SdeModel[] = ['sme1', 'sme2', 'spf', 'hasme'];

function problemsFor(runs: number): number {
  return Math.max(2, Math.round(runs / 30));
}

const fmtOrder = (f: OrderFit) => (typeof f.order === 'number' ? f.order.toFixed(3) : String(f.order));
const fmtFits = (fits: Partial<Record<SdeModel, OrderFit>>) => SDE.filter((m) => fits[m]).map((m) => `${m} ${fmtOrder(fits[m]!)}`).join(', ');

function outcome(id: ClaimId, cases: number, worst: number, failures: Counterexample[], notes: string, coverage?: Record<string, number>): ClaimOutcome {
  return {
    id,
    status: failures.length ? 'fails' : 'holds',
    cases,
    worstError: Number.isFinite(worst) ? worst : null,
    ...(failures.length ? { counterexample: failures[0] } : {}),
    notes: failures.length ? `${failures.length} failing case(s). ${notes}` : notes,
    ...(coverage ? { coverage } : {}),
  };
}

/** One generated problem's fitted orders, as the seed loop below records them. */
interface SeedFit {
  label: string;
  fits: Record<SdeModel, OrderFit>;
  /** The fits as one line of the claim's notes. */
  line: string;
  /** The problem in words, for a counterexample. */
  what: string;
}

/**
 * Runs `fitSeed` on opts.seed, opts.seed + 1, ... (problemsFor(opts.runs) problems), compares each
 * model's fitted order with `expected` and collects coverage, notes lines, the worst deviation and
 * the failures beyond ORDER_TOLERANCE. Progress counts against `progressTotal` (default: the seeds).
 */
async function ordersOverSeeds(
  opts: CheckOptions,
  expected: Record<SdeModel, ExpectedOrder>,
  fitSeed: (seed: number) => Promise<SeedFit>,
  progressTotal?: number,
) {
  const n = problemsFor(opts.runs);
  const failures: Counterexample[] = [];
  const coverage: Record<string, number> = {};
  const lines: string[] = [];
  let worst = 0;
  for (let i = 0; i < n; i++) {
    const seed = opts.seed + i;
    const r = await fitSeed(seed);
    const dev = Math.max(...SDE.map((m) => deviation(r.fits[m], expected[m])));
    worst = Math.max(worst, dev);
    coverage[r.label] = (coverage[r.label] ?? 0) + 1;
    lines.push(r.line);
    if (dev > ORDER_TOLERANCE) failures.push({ seed, description: `${r.what}: orders ${fmtFits(r.fits)}, expected ${JSON.stringify(expected)}` });
    opts.onProgress?.(i + 1, progressTotal ?? n);
  }
  return { n, failures, coverage, lines, worst };
}

/** Orders of generated problems in their asymptotic range against the expected orders. */
function generatedOrders(
  opts: CheckOptions,
  make: (seed: number) => QuadraticLike,
  expected: Record<SdeModel, ExpectedOrder>,
  label: (p: QuadraticLike) => string,
) {
  return ordersOverSeeds(opts, expected, async (seed) => {
    const p = make(seed);
    const r = await asymptoticOrders(p, expected, { first: 3, window: 4, lastJ: 9, digits: CHECK_DIGITS });
    return {
      label: label(p),
      fits: r.fits,
      line: `${fmtFits(r.fits)} (η ${r.etas[r.etas.length - 1]}..${r.etas[0]})`,
      what: `${label(p)} problem from seed ${seed}`,
    };
  });
}

const c14: ClaimCheck = {
  id: 'C14',
  title: 'Weak order on additive quadratics: SME-1 1, SME-2 2, SPF 2, HA-SME exact',
  async run(opts) {
    const g = await generatedOrders(opts, (s) => randomQuadratic(s, []), { sme1: 1, sme2: 2, spf: 2, hasme: 'exact' }, (p) => `d=${p.x0.length}`);
    const quad = await builtinTable('quad-d3');
    const hasmeExact = quad.orders.hasme === 'exact';
    if (!hasmeExact) g.failures.push({ seed: opts.seed, description: `built-in quad-d3: HA-SME order ${String(quad.orders.hasme)}, expected exact` });
    return outcome(
      'C14',
      g.n + 1,
      g.worst,
      g.failures,
      `worstError = max |fitted − expected order| over models (exact: every |error| < 1e-30 at ${CHECK_DIGITS} digits). ` +
        `Generated problems (η = 0.1/2^j, window slid to the asymptotic range): ${g.lines.join('; ')}. Built-in quad-d3: ${fmtFits(quad.fits)}.`,
      g.coverage,
    );
  },
};

const c15: ClaimCheck = {
  id: 'C15',
  title: 'Weak order on finite-sum least squares: SME-1 1, others 2; HA-SME smallest constant, λ-dependence weakest',
  async run(opts) {
    const g = await generatedOrders(opts, (s) => randomFiniteSum(s, []), { sme1: 1, sme2: 2, spf: 2, hasme: 2 }, (p) => `n=${(p as { A: unknown[] }).A.length}`);
    const sweep = await builtinSweep('finite-sum-d2n4');
    const smallest = smallestEverywhere(sweep, 'hasme');
    const weakest = sweep.exponents.hasme! < Math.min(sweep.exponents.sme2!, sweep.exponents.spf!);
    if (!smallest || !weakest) {
      g.failures.push({ seed: opts.seed, description: `finite-sum-d2n4 λ-sweep: HA-SME smallest at every λ ${smallest}, exponents ${exponentsText(sweep)}` });
    }
    const last = sweep.points[sweep.points.length - 1];
    return outcome(
      'C15',
      g.n + 1,
      g.worst,
      g.failures,
      `worstError = max |fitted − expected order|. Generated ridge least squares (d = 2): ${g.lines.join('; ')}. ` +
        `λ-sweep of finite-sum-d2n4 (ηλ = ${sweep.kappa}, λ ×${sweepSpan(sweep)}): exponents of |error|/η² in λ: ${exponentsText(sweep)}; ` +
        `at the largest λ HA-SME's constant is ${(Math.min(last.constants.sme2!, last.constants.spf!) / last.constants.hasme!).toPrecision(3)}× below SME-2's and SPF's.`,
      g.coverage,
    );
  },
};

function sweepSpan(s: Sweep): number {
  return s.points[s.points.length - 1].lambda / s.points[0].lambda;
}

/** Growth factor of the variance along v from three consecutive exact values: (V2 − V1)/(V1 − V0). */
async function growthRateErrors(p: SaddleProblem): Promise<Record<SdeModel, number>> {
  const { refEscapeMoments } = await import('../../reference/weak/escape.js');
  const em = refEscapeMoments({ ...p, steps: 2 }, { digits: CHECK_DIGITS });
  const rate = (v: (typeof em.curves)[number]['variance']) => v[2].minus(v[1]).div(v[1].minus(v[0])).ln();
  const sgd = rate(em.curves[0].variance);
  const eta2 = Number(p.eta) * 2;
  return Object.fromEntries(em.curves.slice(1).map((c) => [c.model, rate(c.variance).minus(sgd).abs().toNumber() / eta2])) as Record<SdeModel, number>;
}

const c16: ClaimCheck = {
  id: 'C16',
  title: 'Escape along negative curvature: HA-SME reproduces SGD’s growth exactly; SME-1 rate error O(η), SME-2 O(η²)',
  async run(opts) {
    const n = problemsFor(opts.runs);
    const expected: Record<SdeModel, ExpectedOrder> = { sme1: 1, sme2: 2, spf: 'exact', hasme: 'exact' };
    const etas = halvings(0, 3);
    const { failures, coverage, lines, worst } = await ordersOverSeeds(
      opts,
      expected,
      async (seed) => {
        const base = randomSaddle(seed, etas[0], 2);
        const perEta = await Promise.all(etas.map((eta) => growthRateErrors({ ...base, eta })));
        const fits = Object.fromEntries(SDE.map((m) => [m, fitOrder(etas.map(Number), perEta.map((r) => r[m]))])) as Record<SdeModel, OrderFit>;
        return { label: `d=${base.x0.length}`, fits, line: fmtFits(fits), what: `saddle from seed ${seed} (growth-rate error)` };
      },
      n + 1,
    );
    const esc = await builtinEscape('saddle-d2');
    opts.onProgress?.(n + 1, n + 1);
    const hasme = esc.curves.find((c) => c.model === 'hasme')!;
    const sgd = esc.curves[0];
    const curveGap = Math.max(...hasme.probability.map((p, k) => Math.abs(p - sgd.probability[k])));
    if (curveGap > 1e-12) failures.push({ seed: opts.seed, description: `saddle-d2: HA-SME's escape curve differs from SGD's by ${curveGap}` });
    const times = escapeTimesText(esc);
    return outcome(
      'C16',
      n + 1,
      worst,
      failures,
      `Rate error |ln G_model − ln G_SGD|/(2η) of the variance growth factor G along v (exact moments, ${CHECK_DIGITS} digits), ` +
        `orders on η = 0.1..0.0125: ${lines.join('; ')} (expected sme1 1, sme2 2, spf and hasme exact). ` +
        `saddle-d2 escape-time relative errors (P(|vᵀx_k| > 1) = 1/2): ${times}; HA-SME curve − SGD curve ≤ ${curveGap.toExponential(1)}.`,
      coverage,
    );
  },
};

const c17: ClaimCheck = {
  id: 'C17',
  title: '1-D non-quadratic f: HA-SME order 2 with the weakest λ-dependence',
  async run(opts) {
    const expected: Record<SdeModel, ExpectedOrder> = { sme1: 1, sme2: 2, spf: 2, hasme: 2 };
    const failures: Counterexample[] = [];
    const notes: string[] = [];
    let worst = 0;
    let cases = 0;
    for (const name of ['logcosh', 'cos']) {
      const rows = await builtinOneDimRows(name);
      const fits = Object.fromEntries(SDE.map((m) => {
        const rs = rows.filter((r) => r.model === m);
        return [m, fitOrder(rs.map((r) => r.eta), rs.map((r) => r.error))];
      })) as Record<SdeModel, OrderFit>;
      const dev = Math.max(...SDE.map((m) => deviation(fits[m], expected[m])));
      const ratio = Math.max(...rows.map((r) => r.engineError / Math.abs(r.error)));
      const sweep = await builtinSweep(name);
      const sweepRatio = sweep.worstEngineRatio ?? 0;
      const weakest = sweep.exponents.hasme! < Math.min(sweep.exponents.sme2!, sweep.exponents.spf!);
      const smallest = smallestEverywhere(sweep, 'hasme');
      worst = Math.max(worst, dev);
      cases += rows.length + sweep.points.length * SDE.length;
      if (dev > ORDER_TOLERANCE) failures.push({ seed: opts.seed, description: `${name}: orders ${fmtFits(fits)}` });
      if (Math.max(ratio, sweepRatio) > ENGINE_RATIO) failures.push({ seed: opts.seed, description: `${name}: engine error ${Math.max(ratio, sweepRatio).toExponential(2)} of a weak error` });
      if (!weakest || !smallest) failures.push({ seed: opts.seed, description: `${name} λ-sweep: exponents ${exponentsText(sweep)}, HA-SME smallest everywhere ${smallest}` });
      notes.push(
        `${name}: orders ${fmtFits(fits)}; engine error ≤ ${Math.max(ratio, sweepRatio).toExponential(1)} × |weak error|; ` +
          `λ-sweep (ηλ = ${sweep.kappa}, λ = ${sweep.points.map((p) => p.lambda).join(', ')}) exponents ${exponentsText(sweep)}`,
      );
      opts.onProgress?.(cases, cases);
    }
    return outcome('C17', cases, worst, failures, `worstError = max |fitted − expected order| (SME-1 1, others 2). ${notes.join('. ')}.`);
  },
};

/** The weak-error claims' checks for the report, in claim order. */
export const weakChecks: ClaimCheck[] = [c14, c15, c16, c17];
