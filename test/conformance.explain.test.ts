/**
 * Diagnosis signatures (spec/protocol.md §6a): each "consistent with ..." line is triggered by the
 * fixture bug it names and by no other fixture bug run here, both on the vectors (`check`) and on
 * the shrunk counterexamples of `check --properties`; `--show N` lists inputs, expected,
 * received and the per-output error; groups count failures per op × model × regime × tag.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCheck } from '../src/conformance/check.js';
import { DIAGNOSES, diagnoseVectors, explainVectors, failureGroups } from '../src/conformance/explain.js';
import { conformanceVectors } from './fixtures/impls/vectorSet.js';

const PY = join(fileURLToPath(new URL('.', import.meta.url)), 'fixtures/impls/hasme_impl.py');
const LONG = 120_000;

const check = (bug: string, ops: ('coefficients' | 'moments' | 'sample')[] = ['coefficients', 'moments']) =>
  runCheck({ command: 'python3', args: [PY, '--bug', bug], vectors: conformanceVectors(), ops, rtol: 1e-9, sampleN: 20_000, sampleCases: 2 });

describe('diagnosis of vector failures: each signature is triggered by its fixture bug', () => {
  it.each([
    ['log-branch', DIAGNOSES.logBranch],
    ['transposed-eigvecs', DIAGNOSES.eigenvectors],
    ['sigma-not-tilde', DIAGNOSES.kernel],
    ['naive-phi', DIAGNOSES.kernel],
    ['moments-off-by-one', DIAGNOSES.steps(1)],
  ])('--bug %s: %s', { timeout: LONG }, async (bug, diagnosis) => {
    const r = await check(bug, bug === 'moments-off-by-one' ? ['moments'] : ['coefficients', 'moments']);
    expect(r.pass).toBe(false);
    expect(diagnoseVectors(r)).toEqual([diagnosis]);
  });

  it('--bug sample-sqrt-eta: √η in the diffusion scale; --bug sample-sigma: no √η diagnosis', { timeout: LONG }, async () => {
    expect(diagnoseVectors(await check('sample-sqrt-eta', ['sample']))).toEqual([DIAGNOSES.sqrtEta]);
    expect(diagnoseVectors(await check('sample-sigma', ['sample']))).toEqual([]);
  });

  it('groups name op × model with regime and tag counts; --show lists request, expected, received and errors', { timeout: LONG }, async () => {
    const r = await check('log-branch', ['coefficients']);
    const groups = failureGroups(r);
    expect(groups.find((g) => g.startsWith('coefficients hasme'))).toMatch(/regime R: 0\/\d+; regime X: (\d+)\/\1;/);
    const text = explainVectors(r, 2).join('\n');
    expect(text).toMatch(/First 2 failing case\(s\):/);
    expect(text).toMatch(/request: +\{"id":/);
    expect(text).toMatch(/expected: +\{"drift"/);
    expect(text).toMatch(/received: +\{"id":/);
    expect(text).toMatch(/error: +drift [\d.e+-]+ \(\d+\.\d d, tolerance 1e-9\)/);
  });
});
