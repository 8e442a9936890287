/**
 * The published JSON Schemas of the outputs (spec/schemas/report.schema.json,
 * spec/schemas/explore.schema.json) accept what `hasme report` and `hasme explore` write, and
 * reject what breaks their stated rules (a claim that holds without cases, an unknown status, a
 * numeric quantity in regime S, a bad replay path).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLAIM_CHECKS } from '../src/claims/registry.js';
import { FAMILIES } from '../src/explore/families/index.js';
import { resolveParams } from '../src/explore/params.js';
import { explore } from '../src/explore/run.js';
import { schemaProblem } from '../src/formats/schemas.js';
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
