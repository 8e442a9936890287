/**
 * The published JSON Schemas of the outputs (spec/schemas/report.schema.json,
 * spec/schemas/explore.schema.json) accept what `hasme report` and `hasme explore` write, and
 * reject what breaks their stated rules (a claim that holds without cases, an unknown status, a
 * numeric quantity in regime S, a bad replay path); the schema of the `expect` op
 * (spec/schemas/expect.schema.json) accepts what `check --convergence` sends and rejects
 * malformed requests and answers, naming the field.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLAIM_CHECKS } from '../src/claims/registry.js';
import { FAMILIES } from '../src/explore/families/index.js';
import { resolveParams } from '../src/explore/params.js';
import { explore } from '../src/explore/run.js';
import { defaultProblem, runConvergence } from '../src/conformance/convergence/run.js';
import { expectRequestProblem, expectResponseProblem, schemaProblem } from '../src/formats/schemas.js';
import { reportCommand } from '../src/report/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'hasme-schemas-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const quiet = { write: () => true, isTTY: false, columns: 120 } as unknown as NodeJS.WriteStream;

describe('report.schema.json', () => {
  let report: Record<string, unknown> & { claims: Record<string, unknown>[] };

  it('accepts report.json of a real run (C2, C9 at runs 2: holds and not-run rows)', async () => {
    const out = join(dir, 'report');
    await reportCommand({ claims: 'C2,C9', runs: '2', out }, { stdout: quiet, stderr: quiet }, { checks: CLAIM_CHECKS, figures: async () => ({ figures: [], problems: [] }) });
    report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as typeof report;
    expect(schemaProblem('report', report)).toBeUndefined();
    expect(report.claims.filter((c) => c.status === 'holds').map((c) => c.id)).toEqual(['C2', 'C9']);
  });

  it('accepts a failing row with a replayable counterexample and unknown extra fields', () => {
    const row = { id: 'C3', status: 'fails', cases: 4, worstError: 0.25, notes: '', counterexample: { seed: 42, path: '3:1:0', description: 'd = 2' }, errOverTol: 3 };
    expect(schemaProblem('report', { ...report, claims: [row] })).toBeUndefined();
  });

  it('rejects a claim that holds without cases, an unknown status, a bad path, a missing field', () => {
    const base = { id: 'C1', status: 'holds', cases: 1, worstError: 0, notes: '' };
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ ...base, cases: 0 }, /cases/],
      [{ ...base, status: 'ok' }, /status/],
      [{ ...base, status: 'fails', counterexample: { seed: 1, description: 'x', path: 'a:b' } }, /path/],
      [{ id: 'C1', status: 'holds', cases: 1, worstError: 0 }, /notes/],
    ];
    for (const [row, field] of bad) expect(schemaProblem('report', { ...report, claims: [row] })?.field ?? '', JSON.stringify(row)).toMatch(field);
  });
});

describe('explore.schema.json', () => {
  it('accepts the JSON document of every family and the lines of a shard part', async () => {
    for (const family of FAMILIES) {
      const outDir = join(dir, family.name);
      const params = resolveParams(family, {});
      await explore(family, params, { grid: 4, outDir, progress: false });
      const doc = JSON.parse(readFileSync(join(outDir, `${family.name}.json`), 'utf8')) as { cells: { regime: string }[] };
      expect(doc.cells).toHaveLength(16);
      expect(schemaProblem('exploreDocument', doc), family.name).toBeUndefined();
      await explore(family, params, { grid: 4, outDir: join(outDir, 'parts'), progress: false, shard: { index: 2, count: 2 } });
      const [part] = readdirSync(join(outDir, 'parts'));
      const [header, ...cells] = readFileSync(join(outDir, 'parts', part), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown);
      expect(schemaProblem('explorePartHeader', header), family.name).toBeUndefined();
      expect(cells).toHaveLength(8);
      for (const c of cells) expect(schemaProblem('exploreCell', c)).toBeUndefined();
    }
  });

  it('rejects a number in regime S, psdMargin outside R, an unknown regime, a missing field', () => {
    const cell = { x: 0, y: 1, regime: 'R', psdMargin: 0.5, pcovErr: 1e-16, covErr: 1e-16, singularDistance: 0.5 };
    expect(schemaProblem('exploreCell', cell)).toBeUndefined();
    expect(schemaProblem('exploreCell', { ...cell, regime: 'S', psdMargin: null, pcovErr: null, covErr: null, singularDistance: null })).toBeUndefined();
    expect(schemaProblem('exploreCell', { ...cell, regime: 'S', psdMargin: null, covErr: null, singularDistance: null })?.field).toBe('pcovErr');
    expect(schemaProblem('exploreCell', { ...cell, regime: 'X' })?.field).toBe('psdMargin');
    expect(schemaProblem('exploreCell', { ...cell, regime: 'Q' })?.field).toBe('regime');
    const { covErr: _omitted, ...missing } = cell;
    expect(schemaProblem('exploreCell', missing)?.field).toBe('covErr');
  });
});

describe('expect.schema.json (the expect op of check --convergence, spec/protocol.md §13)', () => {
  const request = (kind: 'quadratic' | 'finite-sum') => ({ id: 'expect-0', op: 'expect', ...defaultProblem(kind), dt: 0.05, seed: 20240528 }) as Record<string, unknown>;

  it('accepts the requests the harness sends, for both problem kinds, and the answers of a simulator', () => {
    expect(expectRequestProblem(request('quadratic'))).toBeUndefined();
    expect(expectRequestProblem({ ...request('finite-sum'), eta: '0.2', x0: ['-2', '3'] })).toBeUndefined();
    expect(expectResponseProblem({ id: 'expect-0', value: -1.5, stderr: 0.004, clipped: 0 })).toBeUndefined();
    expect(expectResponseProblem({ id: 'expect-0', value: 2, stderr: 0 })).toBeUndefined();
    expect(expectResponseProblem({ id: 'expect-0', error: 'unsupported', message: 'regime X' })).toBeUndefined();
    expect(expectResponseProblem({ id: null, error: 'parse' })).toBeUndefined();
  });

  it('rejects requests without a kind, of an unknown kind, without their problem fields, with zero steps, of model sgd', () => {
    const fs = request('finite-sum');
    const q = request('quadratic');
    const bad: [Record<string, unknown>, string][] = [
      [{ ...fs, kind: undefined }, 'field kind is missing'],
      [{ ...fs, kind: 'cubic' }, 'field kind must be one of quadratic, finite-sum'],
      [{ ...fs, c: undefined }, 'field c is missing'],
      [{ ...fs, A: [[1, 2]] }, 'field A[0][0] must be'],
      [{ ...q, Sigma: undefined }, 'field Sigma is missing'],
      [{ ...q, steps: 0 }, 'field steps must be >= 1'],
      [{ ...q, model: 'sgd' }, 'field model must be one of sme1, sme2, spf, hasme'],
      [{ ...q, dt: undefined }, 'field dt is missing'],
      [{ ...q, seed: -1 }, 'field seed must be'],
    ];
    for (const [req, message] of bad) expect(expectRequestProblem(JSON.parse(JSON.stringify(req))), message).toContain(message);
  });

  it('rejects answers without stderr, with a negative stderr, a non-finite or string value, no id', () => {
    const bad: [unknown, string][] = [
      [{ id: 'e', value: 1 }, 'field stderr is missing'],
      [{ id: 'e', value: 1, stderr: -0.1 }, 'field stderr must be >= 0'],
      [{ id: 'e', value: JSON.parse('1e400') as number, stderr: 0 }, 'field value must be a finite JSON number'],
      [{ id: 'e', value: '1.5', stderr: 0 }, 'field value must be a finite JSON number'],
      [{ value: 1, stderr: 0 }, 'field id is missing'],
    ];
    for (const [answer, message] of bad) expect(expectResponseProblem(answer), message).toContain(message);
  });

  it('check --convergence judges answers by this schema: a simulator without stderr fails the level, naming the field', async () => {
    const script = 'import json,sys\nfor l in sys.stdin:\n    r=json.loads(l); print(json.dumps({"id": r["id"], "value": 1.0}), flush=True)';
    const r = await runConvergence({ command: 'python3', args: ['-c', script], kind: 'finite-sum', levels: 2, expectedOrder: 1, caseTimeoutS: 60, timeoutS: 60, seed: 1 });
    expect(r.verdict).toBe('fail');
    expect(r.levels).toHaveLength(1);
    expect(r.levels[0].message).toBe('invalid answer: field stderr is missing');
    expect(r.reason).toContain('field stderr is missing');
  });
});
