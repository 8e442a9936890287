// The conformance vector generator and the committed vector set (spec/vectors.md): determinism,
// exact singular constructions, coverage, and a recomputed sample of the committed files.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HasmeInputError } from '../errors.js';
import { vectorLineProblem } from '../formats/schemas.js';
import type { MatrixJSON, ScalarJSON, VectorLine } from '../formats/types.js';
import { Complex, context, refCoefficients, refHasmePsdTest, refMoments, refRegime } from '../../reference/index.js';
import { digitsAgreed } from '../../reference/selfcheck.js';
import { plannedProblems, PSD_BORDERLINE, rtolFor, VECTOR_DIGITS } from './generate.js';

const DIR = fileURLToPath(new URL('../../vectors/', import.meta.url));

describe('vector generator', () => {
  it('is deterministic and plans ≥ 300 requests over d = 1..8', () => {
    const a = plannedProblems();
    expect(plannedProblems()).toEqual(a);
    expect(a.reduce((s, p) => s + p.requests.length, 0)).toBeGreaterThanOrEqual(300);
    expect(new Set(a.map((p) => p.H.length))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8]));
  });

  it('every problem of the singular family is exactly singular in its decimal inputs (C9)', () => {
    const singular = plannedProblems().filter((p) => p.family === 'singular');
    expect(singular.length).toBeGreaterThan(20);
    // At 60 and at 200 digits: a rounding-level coincidence would not survive 140 more digits.
    for (const p of singular) for (const digits of [60, 200]) expect(refRegime(p.H, p.eta, { digits }), p.H.join(';')).toBe('S');
  });

  it('rtol = max(1e-9, 1000·κ·2^−53) is written only above 1e-9', () => {
    expect(rtolFor(10)).toBeUndefined();
    expect(rtolFor(1e8)).toBeCloseTo(1.1e-5, 12);
    expect(rtolFor(1e30)).toBe(1);
  });
});

function toComplex(x: ScalarJSON, c = context({ digits: VECTOR_DIGITS })): Complex {
  return Array.isArray(x) ? new Complex(new c.D(x[0]), new c.D(x[1])) : new Complex(new c.D(x), new c.D(0));
}
const cm = (M: MatrixJSON) => M.flat().map((x) => toComplex(x));

function loadCommitted(): VectorLine[] {
  return ['coefficients.jsonl', 'moments.jsonl'].flatMap((f) =>
    readFileSync(DIR + f, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as VectorLine),
  );
}

describe.skipIf(!existsSync(DIR + 'coefficients.jsonl'))('committed vectors', () => {
  const lines = existsSync(DIR + 'coefficients.jsonl') ? loadCommitted() : [];

  it('are schema-valid, ≥ 300 cases, with every tag and model the issue asks for', () => {
    expect(lines.length).toBeGreaterThanOrEqual(300);
    for (const l of lines) expect(vectorLineProblem(l), l.id).toBeUndefined();
    const tags = new Set(lines.flatMap((l) => l.tags));
    const required = ['R', 'X', 'S', 'commuting', 'noncommuting', 'repeated', 'clustered', 'negative-curvature', 'tiny-eta', 'near-singular', 'removable', 'rank-deficient'];
    for (const t of [...required, 'sgd', 'sme1', 'sme2', 'spf', 'hasme']) expect(tags.has(t), t).toBe(true);
    expect(Math.max(...lines.map((l) => (l.op === 'moments' ? l.steps : 0)))).toBe(1000);
  });

  it('a sample recomputed by the reference agrees to ≥ 44 digits (45 are written); singular ones raise', () => {
    const sample = lines.filter((_, i) => i % 61 === 0);
    for (const l of sample) {
      const opts = { digits: VECTOR_DIGITS };
      const run = () => (l.op === 'coefficients' ? refCoefficients(l.H, l.Sigma, l.eta, { ...opts, model: l.model }) : refMoments(l.model, l.H, l.Sigma, l.eta, l.x0, l.steps, opts));
      if ('error' in l.expected) {
        expect(run, l.id).toThrow(HasmeInputError);
        continue;
      }
      const got = run();
      const e = l.expected;
      if ('drift' in e && 'drift' in got) {
        expect(digitsAgreed(got.drift.flat(), cm(e.drift), 99), l.id).toBeGreaterThan(44);
        expect(digitsAgreed(got.diffusion.flat(), cm(e.diffusion), 99), l.id).toBeGreaterThan(44);
        expect(e.driftMatrix, l.id).toBeDefined();
        expect(digitsAgreed(got.driftMatrix.flat(), cm(e.driftMatrix!), 99), l.id).toBeGreaterThan(44);
        expect(got.regime).toBe(e.regime);
      } else if ('mean' in e && 'mean' in got) {
        expect(digitsAgreed(got.mean, e.mean.map((x) => toComplex(x)), 99), l.id).toBeGreaterThan(44);
        expect(digitsAgreed(got.pcov.flat(), cm(e.pcov), 99), l.id).toBeGreaterThan(44);
        expect(got.cov === null, l.id).toBe(e.cov === null);
      }
    }
  });

  it('psd-borderline marks exactly the HA-SME R cases with 0 < |λ_min(Σ̃)| ≤ 1000·2^−53·max|λ| (C7 at tiny η)', () => {
    const tagged = lines.filter((l) => l.tags.includes(PSD_BORDERLINE));
    expect(tagged.map((l) => l.id)).toContain('mom-0215');
    const hasmeR = lines.filter((l) => l.op === 'moments' && l.model === 'hasme' && l.tags.includes('R'));
    // Every tagged case, and every 4th untagged one (among them the commuting rank-deficient ones, λ_min = 0 exactly).
    const sample = hasmeR.filter((l, i) => l.tags.includes(PSD_BORDERLINE) || i % 4 === 0 || (l.tags.includes('commuting') && l.tags.includes('rank-deficient')));
    for (const l of sample) {
      const { min, top, zero } = refHasmePsdTest(l.H, l.Sigma, l.eta, { digits: VECTOR_DIGITS });
      const inBand = min.abs().gt(zero) && min.abs().lte(top.times(1000 * 2 ** -53));
      expect(inBand, l.id).toBe(l.tags.includes(PSD_BORDERLINE));
    }
    for (const l of tagged) expect(l.op === 'moments' && l.model === 'hasme' && l.tags.includes('R'), l.id).toBe(true);
  });
});
