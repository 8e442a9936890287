/**
 * `hasme verify` and the per-case verdict rules (spec/protocol.md §Verdicts) on a small vector
 * set computed by the decimal reference (test/fixtures/impls/miniVectors.ts). Good answers come
 * from the independent Python implementation; bad ones are derived from them by one mistake each.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { params } from '../properties/budget.js';
import { requestOf } from '../src/formats/requests.js';
import type { VectorLine } from '../src/formats/types.js';
import { digitsAgreed, matrixArray, relativeError, vectorArray } from '../src/conformance/numbers.js';
import { junitXML } from '../src/conformance/report.js';
import { judgeCase, PSD_BORDERLINE_TAG } from '../src/conformance/verdict.js';
import { runVerify } from '../src/conformance/verify.js';
import { miniVectors } from './fixtures/impls/miniVectors.js';

/** This test file's directory (import.meta.dirname needs Node ≥ 20.11). */
const HERE = fileURLToPath(new URL('.', import.meta.url));

const PY = join(HERE, 'fixtures/impls/hasme_impl.py');

let dir: string;
let vectorsFile: string;
let vectors: VectorLine[];
let answers: Record<string, unknown>[];

function writeAnswers(name: string, lines: unknown[]): string {
  const file = join(dir, name);
  writeFileSync(file, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return file;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hasme-verify-'));
  vectors = miniVectors();
  vectorsFile = join(dir, 'mini.jsonl');
  writeFileSync(vectorsFile, vectors.map((v) => JSON.stringify(v)).join('\n') + '\n');
  const input = vectors.map((v) => JSON.stringify(requestOf(v))).join('\n') + '\n';
  answers = execFileSync('python3', [PY], { input }).toString().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
});

const byId = (id: string) => vectors.find((v) => v.id === id) as VectorLine;
const answerOf = (id: string) => answers.find((a) => a.id === id) as Record<string, unknown>;

describe('relative Frobenius error', () => {
  it('compares a real answer x with a complex expected entry as [x, 0]', () => {
    const e = matrixArray([[[1, 1], 2]]);
    expect(relativeError(matrixArray([[1, 2]])!, e!)).toBeCloseTo(1 / Math.sqrt(6), 15);
    expect(relativeError(vectorArray([[3, 0], '4']), vectorArray([3, 4]))).toBe(0);
  });

  it('is absolute where the expected value is exactly zero, and reports digits', () => {
    expect(relativeError(vectorArray([1e-18, 0]), vectorArray(['0', '0']))).toBe(1e-18);
    expect(digitsAgreed(1e-12)).toBeCloseTo(12, 12);
    expect(digitsAgreed(0)).toBe(17);
    expect(digitsAgreed(3)).toBe(0);
  });

  it('is invariant under scaling both sides by a power of two (exact in binary floating point)', () => {
    // Normal-range entries and scalings: no underflow to subnormals, no overflow.
    const entry = fc.integer({ min: -1e9, max: 1e9 }).map((i) => i / 1024);
    fc.assert(
      fc.property(fc.array(fc.tuple(entry, entry), { minLength: 1, maxLength: 6 }), fc.integer({ min: -300, max: 300 }), (pairs, k) => {
        const s = 2 ** k;
        const a = vectorArray(pairs.map((p) => p[0]));
        const e = vectorArray(pairs.map((p) => p[1]));
        const scaled = relativeError(vectorArray(pairs.map((p) => p[0] * s)), vectorArray(pairs.map((p) => p[1] * s)));
        const base = relativeError(a, e);
        if (pairs.some((p) => p[1] !== 0)) expect(scaled).toBe(base);
      }),
      params(200),
    );
  });

  it('does not overflow on huge entries', () => {
    expect(relativeError(vectorArray([1e300, 1e300]), vectorArray([1e300, 2e300]))).toBeCloseTo(1 / Math.sqrt(5), 14);
  });
});

describe('case verdicts', () => {
  it('passes the independent Python implementation on every reference case (C1–C4, C9, C10)', () => {
    const failed = vectors.map((v) => judgeCase(v, answerOf(v.id))).filter((r) => !r.pass);
    expect(failed.map((f) => `${f.id}: ${f.message}`)).toEqual([]);
  });

  it('fails a perturbed output, naming it with its error and digits', () => {
    const v = byId('mom-r3-hasme');
    const a = structuredClone(answerOf(v.id)) as { pcov: number[][] };
    a.pcov[1][2] *= 1 + 1e-6;
    const r = judgeCase(v, a);
    expect(r.pass).toBe(false);
    expect(r.message).toMatch(/^pcov: rel\. error \d\.\de-7 > 1\.0e-9 \(6\.\d digits\)$/);
  });

  it('lets a case\'s own larger rtol win over the run tolerance', () => {
    const v = { ...byId('mom-r3-hasme'), rtol: 1e-5 };
    const a = structuredClone(answerOf(v.id)) as { mean: number[] };
    a.mean[0] *= 1 + 1e-7;
    expect(judgeCase(v, a).pass).toBe(true);
    expect(judgeCase(v, a).rtol).toBe(1e-5);
    expect(judgeCase({ ...v, rtol: 1e-12 }, a, 1e-9).pass).toBe(false);
  });

  it('requires an error answer in the singular set and numbers elsewhere (C9)', () => {
    const singular = byId('coef-singular-hasme');
    expect(judgeCase(singular, { id: singular.id, error: 'singular', message: 'm = 0' }).pass).toBe(true);
    const numbers = judgeCase(singular, { ...answerOf('coef-r2-hasme'), id: singular.id });
    expect(numbers.message).toContain('numbers for a singular case');
    const regular = judgeCase(byId('coef-r2-hasme'), { id: 'coef-r2-hasme', error: 'not-psd', message: 'x' });
    expect(regular.message).toContain('answered error "not-psd"');
  });

  it('requires cov null exactly where the covariance is undefined (C7 indefinite Σ̃, C8 regime X)', () => {
    for (const id of ['mom-c7-hasme', 'mom-x2-hasme']) {
      expect(byId(id).expected).toMatchObject({ cov: null });
      const a = { ...answerOf(id), cov: answerOf(id).pcov };
      expect(judgeCase(byId(id), a).message).toContain('cov must be null');
    }
    const r = judgeCase(byId('mom-r2-hasme'), { ...answerOf('mom-r2-hasme'), cov: null });
    expect(r.message).toContain('cov is null but the covariance is defined');
  });

  it('accepts null or the pcov of the nearby PSD problem where the vector is tagged psd-borderline', () => {
    const v = { ...byId('mom-c7-hasme'), tags: ['R', PSD_BORDERLINE_TAG] };
    const a = answerOf(v.id);
    expect(judgeCase(v, { ...a, cov: null }).pass).toBe(true);
    expect(judgeCase(v, { ...a, cov: a.pcov }).pass).toBe(true);
    const wrong = (a.pcov as number[][]).map((row) => row.map((x) => 2 * x));
    expect(judgeCase(v, { ...a, cov: wrong }).message).toMatch(/^cov: rel\. error 1\.0e\+0/);
    // The tag works both ways: where the expected cov exists, null passes too, a wrong cov does not.
    const psd = { ...byId('mom-r2-hasme'), tags: ['R', PSD_BORDERLINE_TAG] };
    const b = answerOf(psd.id);
    expect(judgeCase(psd, { ...b, cov: null }).pass).toBe(true);
    expect(judgeCase(psd, b).pass).toBe(true);
    const wrongB = (b.cov as number[][]).map((row) => row.map((x) => 2 * x));
    expect(judgeCase(psd, { ...b, cov: wrongB }).pass).toBe(false);
  });

  it('fails wrong regimes, wrong shapes and schema violations with what differed', () => {
    expect(judgeCase(byId('coef-x2-hasme'), { ...answerOf('coef-x2-hasme'), regime: 'R' }).message).toContain('regime R, expected X');
    expect(judgeCase(byId('mom-r3-sgd'), { ...answerOf('mom-r3-sgd'), mean: [1, 2] }).message).toContain('mean has length 2, expected length 3');
    expect(judgeCase(byId('mom-r3-sgd'), { ...answerOf('mom-r3-sgd'), pcov: [[1, 'x']] }).message).toContain('invalid answer: field pcov[0][1]');
    expect(judgeCase(byId('mom-r3-sgd'), undefined).message).toBe('no answer');
  });
});

describe('hasme verify', () => {
  it('accepts the good answers file (any order) and rejects missing, duplicate, unknown and garbage lines', async () => {
    const good = await runVerify({ vectors: vectorsFile, answers: writeAnswers('good.jsonl', [...answers].reverse()), rtol: 1e-9 });
    expect(good.pass).toBe(true);
    expect(good.verdicts).toHaveLength(vectors.length);

    const [first, second, ...rest] = answers;
    const bad = await runVerify({
      vectors: vectorsFile,
      answers: writeAnswers('bad.jsonl', [first, first, ...rest, { ...second, id: 'no-such-case' }, 'not json', { error: 'parse' }]),
      rtol: 1e-9,
    });
    expect(bad.pass).toBe(false);
    expect(bad.problems).toEqual([
      expect.stringContaining(`answers line 2: duplicate answer for "${first.id}"`),
      expect.stringContaining('unknown id "no-such-case"'),
      expect.stringContaining('answers line 65 is not JSON'),
      expect.stringContaining('answers line 66: response without a string id'),
    ]);
    const verdict = (id: unknown) => bad.verdicts.find((v) => v.id === id)!;
    expect(verdict(first.id).message).toContain('answered more than once');
    expect(verdict(second.id).message).toBe('missing: no answer in the answers file');
  });

  it('CLI: exit code 0 on a pass, 1 on a failure, JSON and JUnit outputs', () => {
    const cli = (args: string[]) => spawnSync('node', ['bin/hasme.js', 'verify', '--vectors', vectorsFile, ...args], { encoding: 'utf8' });
    const ok = cli(['--answers', writeAnswers('ok.jsonl', answers), '--junit', join(dir, 'ok.xml')]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`PASS: all ${vectors.length} cases`);
    expect(readFileSync(join(dir, 'ok.xml'), 'utf8')).toContain('failures="0"');

    const wrong = answers.map((a) => (a.id === 'coef-x2-hasme' ? { ...a, regime: 'R' } : a));
    const ko = cli(['--answers', writeAnswers('ko.jsonl', wrong), '--json']);
    expect(ko.status).toBe(1);
    const report = JSON.parse(ko.stdout) as { pass: boolean; summary: { op: string; failed: number; firstFailure: { id: string } }[] };
    expect(report.pass).toBe(false);
    expect(report.summary.find((s) => s.op === 'coefficients')).toMatchObject({ failed: 1, firstFailure: { id: 'coef-x2-hasme' } });

    const usage = cli(['--answers', join(dir, 'ok.jsonl'), '--rtol', '-1']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--rtol must be a positive number');
  });

  it('JUnit XML escapes messages and has one suite per op plus the harness suite', () => {
    const xml = junitXML({ pass: false, problems: ['a < b & "c"'], verdicts: [{ id: 'x<1>', op: 'moments', pass: false, rtol: 1e-9, outputs: [], message: 'pcov & <cov>' }] });
    expect(xml).toContain('<testsuite name="hasme.moments" tests="1" failures="1">');
    expect(xml).toContain('name="x&lt;1&gt;"');
    expect(xml).toContain('<failure message="pcov &amp; &lt;cov&gt;">');
    expect(xml).toContain('<testsuite name="hasme.harness" tests="1" failures="1">');
  });
});
