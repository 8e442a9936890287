/**
 * C4 through the `sample` op (spec/claims.md C4, spec/protocol.md §9, §12): in regime R with
 * Σ̃ ⪰ 0 the law of HA-SME at t = kη is SGD's N(μ_k, C_k); SME-1 is an OU process with a Gaussian
 * transition. Generated commuting problems (Σ̃ ⪰ 0 by C5) get n samples from the implementation,
 * tested against the exact law computed by the 30-digit reference (the oracle) with the exact
 * tests of src/conformance/sampleTest.ts at α = 10⁻⁶ per case. The seed of a case is a hash of
 * its request, so a replay asks for the same samples.
 */
import fc from 'fast-check';
import { refMoments } from '../../../reference/index.js';
import { problem, type Problem } from '../../../properties/arbitraries.js';
import { claimCheck, describeCase, ensure, labelProblem } from '../../../properties/claims/harness.js';
import type { ClaimCheck } from '../../claims/types.js';
import type { Model } from '../../formats/types.js';
import { seedOf } from '../sampleCases.js';
import { SAMPLE_ALPHA, cholesky, testSamples } from '../sampleTest.js';

/** Draws n samples of `model` after `steps` steps (the `sample` op). */
export type Sampler = (model: Model, H: number[][], Sigma: number[][], eta: number, x0: number[], steps: number, n: number, seed: number) => number[][];

type Case = { p: Problem; k: number; model: Model };

/** The sample request of a case (its seed a hash of the rest of the line). */
export function sampleRequest({ p, k, model }: Case, n: number): Record<string, unknown> {
  const body = { op: 'sample', model, eta: p.eta, H: p.H, Sigma: p.Sigma, x0: p.x0, steps: k, n };
  return { id: 'counterexample', ...body, seed: seedOf(JSON.stringify(body)) };
}

/** The exact law N(mean, cov) of a case from the reference, or undefined when cov is not safely PD. */
function exactLaw({ p, k, model }: Case): { mean: number[]; cov: number[][] } | undefined {
  const m = refMoments(model, p.H, p.Sigma, p.eta, p.x0, k, { digits: 30 });
  if (m.cov === null) return undefined;
  const cov = m.cov.map((row) => row.map((z) => z.re.toNumber()));
  const mean = m.mean.map((z) => z.re.toNumber());
  return cholesky(cov) ? { mean, cov } : undefined;
}

export function makeSampleLaw(sample: Sampler, n: number): ClaimCheck {
  return claimCheck(
    'C4',
    'Samples follow the exact law: SGD’s N(μ_k, C_k) for HA-SME (R, Σ̃ ⪰ 0), the OU transition for SME-1',
    `n = ${n} samples per case; Hotelling, variance and correlation tests of the whitened samples, exact null distributions, Bonferroni within the case, α = ${SAMPLE_ALPHA} per case; reference law at 30 digits.`,
    () => [
      {
        name: 'samples ~ exact Gaussian law',
        arb: fc.record({
          p: problem({ target: 'R', commuting: true, sigma: 'pd', dMax: 3, kappaMax: 100 }),
          k: fc.constantFrom(1, 3, 10),
          model: fc.constantFrom<Model>('hasme', 'sme1'),
        }),
        body: (c: Case, rec) => {
          const law = exactLaw(c);
          if (!law) {
            rec.label('skipped: covariance not safely positive definite');
            return;
          }
          labelProblem(c.p, rec);
          rec.label(c.model);
          const req = sampleRequest(c, n);
          const out = testSamples(sample(c.model, c.p.H, c.p.Sigma, c.p.eta, c.p.x0, c.k, n, req.seed as number), { ...law, n });
          ensure(out.pass, () => `samples of ${c.model} after k=${c.k} steps are not N(μ_k, C_k): ${out.message}`);
        },
        describeCase: (c: Case) => `${c.model} k=${c.k} ${describeCase(c.p)}`,
        request: (c: Case) => sampleRequest(c, n),
      },
    ],
    0.3, // n samples per case: a case costs far more than a coefficients call
  );
}
