/**
 * `hasme check --properties` end to end (spec/protocol.md §12): the claim checks run against
 * outside implementations over the protocol. The independent Python fixture, `hasme serve` and the
 * README's Python example pass; each `--bug` variant of the fixture is caught by a claim with a
 * counterexample shrunk on the implementation to d ≤ 2 and short decimals; a stalled
 * implementation hits the per-request limit and its process group is killed; JUnit is well formed.
 * Budgets are small (end-to-end runs); timeouts are safety nets.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runProperties, type PropertiesOptions, type PropertiesResult, type PropertyRow } from '../src/conformance/properties/run.js';
import { propertiesJSON, propertiesJUnit, renderProperties } from '../src/conformance/properties/format.js';
import { DIAGNOSES } from '../src/conformance/explain.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const IMPLS = join(HERE, 'fixtures/impls');
const PY = join(IMPLS, 'hasme_impl.py');
const LONG = 180_000;

const base: Omit<PropertiesOptions, 'command' | 'args'> = {
  ops: ['coefficients', 'moments', 'sample'],
  runs: 12,
  seed: 20240528,
  unitRoundoff: 2 ** -53,
  sampleN: 2000,
  caseTimeoutS: 60,
  timeoutS: 170,
};

const run = (args: string[], extra: Partial<PropertiesOptions> = {}): Promise<PropertiesResult> =>
  runProperties({ ...base, command: 'python3', args, ...extra });

const failing = (r: PropertiesResult): PropertyRow[] => r.rows.filter((x) => x.status === 'fails');

/** Parses JUnit XML with an independent parser (Python's xml.etree): well formed, with its suites' counts. */
function parseJUnit(xml: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'hasme-junit-')), 'j.xml');
  writeFileSync(file, xml);
  const code = 'import sys, xml.etree.ElementTree as E\nr = E.parse(sys.argv[1]).getroot()\nprint(" ".join(f"{s.get(\'name\')}:{s.get(\'tests\')}/{s.get(\'failures\')}" for s in r.iter("testsuite")))';
  const p = spawnSync('python3', ['-c', code, file], { encoding: 'utf8' });
  expect(p.status, p.stderr).toBe(0);
  return p.stdout.trim();
}

/** A readable number: at most 4 significant digits once double rounding (≤ 1e-12 relative) is removed. */
function isShort(x: number): boolean {
  if (x === 0) return true;
  const r = Number(x.toPrecision(12));
  return Number(r.toPrecision(4)) === r || Math.abs(x) < 1e-150;
}

describe('check --properties: correct implementations pass', () => {
  it('the Python fixture: every applicable claim holds (C1–C13 where they apply, C4 through sample)', { timeout: LONG }, async () => {
    const r = await run([PY]);
    expect(failing(r).map((x) => `${x.key}: ${x.failure?.description}`)).toEqual([]);
    expect(r.problems).toEqual([]);
    expect(r.pass).toBe(true);
    const held = r.rows.filter((x) => x.status === 'holds').map((x) => x.key);
    expect(held).toEqual(['C1', 'C2', 'C3', 'C4', 'C4:sample', 'C5', 'C6', 'C8', 'C9', 'C10', 'C11', 'C12', 'C13']);
    // Not applicable is shown with its reason, never counted as a pass.
    expect(r.rows.find((x) => x.key === 'C7')).toMatchObject({ status: 'not-applicable' });
    const xml = propertiesJUnit(r, ['python3', PY]);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="hasme" tests="19" failures="0">/);
    expect(xml).toContain('<testsuite name="hasme.properties" tests="18" failures="0" skipped="5">');
    expect(xml.match(/<testcase /g)?.length).toBe(19);
    expect(xml.match(/<\/testsuite>/g)?.length).toBe(2);
    expect(parseJUnit(xml)).toBe('hasme.properties:18/0 hasme.harness:1/0');
  });

  it('hasme serve passes (CLI, exit 0, JUnit written)', { timeout: LONG }, () => {
    const junit = join(mkdtempSync(join(tmpdir(), 'hasme-props-')), 'p.xml');
    const r = spawnSync('node', ['bin/hasme.js', 'check', '--properties', '--runs', '8', '--claims', 'C1,C2,C5,C9,C13', '--junit', junit, '--', 'node', 'bin/hasme.js', 'serve'], { encoding: 'utf8' });
    expect(r.stdout).toMatch(/PASS: 5 claim checks hold/);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(readFileSync(junit, 'utf8')).toContain('<testsuite name="hasme.properties" tests="5" failures="0" skipped="0">');
  });

  it('the README’s Python example (coefficients only): moments and sample are dropped as unsupported, the rest holds', { timeout: LONG }, async () => {
    const readme = readFileSync(join(HERE, '../README.md'), 'utf8');
    const code = /```python\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf('## Validate your implementation')))?.[1];
    const file = join(mkdtempSync(join(tmpdir(), 'hasme-readme-')), 'my_hasme.py');
    writeFileSync(file, code as string);
    const r = await run([file], { runs: 8 });
    expect(r.unsupportedOps).toEqual(['moments', 'sample']);
    expect(failing(r).map((x) => `${x.key}: ${x.failure?.description}`)).toEqual([]);
    expect(r.rows.filter((x) => x.status === 'holds').map((x) => x.key)).toEqual(['C5', 'C6', 'C10', 'C11', 'C12', 'C13']);
    expect(r.pass).toBe(true);
  });
});

/** Each fixture bug and a claim that must catch it (spec/protocol.md §12 lists them). */
const BUGS: [bug: string, claim: string, numeric: boolean][] = [
  ['log-branch', 'C13', true],
  ['sigma-not-tilde', 'C2', true],
  ['naive-phi', 'C4', true],
  ['transposed-eigvecs', 'C11', true],
  ['moments-off-by-one', 'C2', true],
  ['sample-sqrt-eta', 'C4:sample', true],
  ['sample-sigma', 'C4:sample', true],
  ['sample-no-ou', 'C4:sample', true],
];

/** The diagnosis each bug's counterexample must carry (src/conformance/explain.ts signatures). */
const DIAGNOSIS: Record<string, string> = {
  'log-branch': DIAGNOSES.conjugate,
  'transposed-eigvecs': DIAGNOSES.eigenvectors,
  'moments-off-by-one': DIAGNOSES.steps(1),
  'sample-sqrt-eta': DIAGNOSES.sqrtEta,
};

describe('check --properties: every fixture bug is caught, shrunk on the implementation', () => {
  it.each(BUGS)('--bug %s fails %s with a counterexample of d ≤ 2 and short decimals', { timeout: LONG }, async (bug, claim) => {
    const r = await run([PY, '--bug', bug], { claims: [claim], runs: 15 });
    const row = r.rows.find((x) => x.key === claim)!;
    expect(row.status).toBe('fails');
    const f = row.failure!;
    const req = f.request as { H: number[][]; Sigma: number[][]; eta: number };
    expect(req.H.length).toBeLessThanOrEqual(2);
    for (const x of [req.eta, ...req.H.flat(), ...req.Sigma.flat()]) expect(isShort(x), `${x} in ${JSON.stringify(req)}`).toBe(true);
    expect(f.tags?.d).toBe(req.H.length);
    expect(f.path).toMatch(/^\d+\/\d+(:\d+)*$/);
    expect(f.received).toBeDefined();
    expect(f.expected).toBeDefined();
    if (DIAGNOSIS[bug]) expect(f.diagnosis).toBe(DIAGNOSIS[bug]);
  });

  it('a failure replays from its seed and path (--seed S --path P) to the same smallest case', { timeout: LONG }, async () => {
    const first = (await run([PY, '--bug', 'sigma-not-tilde'], { claims: ['C2'], runs: 15 })).rows[0].failure!;
    const [property, path] = first.path!.split('/');
    const again = (await run([PY, '--bug', 'sigma-not-tilde'], { claims: ['C2'], runs: 15, replay: { property: Number(property), path } })).rows[0];
    expect(again.cases).toBe(1);
    expect(again.failure?.request).toEqual(first.request);
  });
});

describe('check --properties: faults', () => {
  it('an implementation that stops answering mid-run hits the per-request limit; its process group is killed; the pending request is reported', { timeout: LONG }, async () => {
    const t0 = Date.now();
    const r = await runProperties({ ...base, command: 'python3', args: [join(IMPLS, 'stall_after.py'), '10'], caseTimeoutS: 8, claims: ['C1', 'C2'] });
    expect(Date.now() - t0).toBeLessThan(150_000);
    expect(r.pass).toBe(false);
    expect(r.problems.join('\n')).toMatch(/no response within the per-request limit of 8 s/);
    const row = r.rows.find((x) => x.fault !== undefined)!;
    expect(row.failure?.request).toMatchObject({ op: expect.stringMatching(/coefficients|moments/) });
    const later = r.rows.slice(r.rows.indexOf(row) + 1);
    for (const x of later) expect(x.status).toBe('not-run');
  });

  it('control characters and bidi overrides in the implementation’s answers never reach the table, JSON or JUnit raw (spec/protocol.md §7)', { timeout: LONG }, async () => {
    const code = 'import json,sys\nfor line in sys.stdin:\n  r=json.loads(line)\n  print(json.dumps({"id":r["id"],"error":"parse\\u001b[31m","message":"\\u001b[2J\\u0007\\u202eevil\\u2028"}), flush=True)';
    const r = await runProperties({ ...base, command: 'python3', args: ['-c', code], runs: 2, claims: ['C13'] });
    expect(r.pass).toBe(false);
    const cmd = ['python3', '-c', 'x'];
    for (const text of [renderProperties(r, cmd), JSON.stringify(propertiesJSON(r, cmd)), propertiesJUnit(r, cmd)]) {
      expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e\u2028]/);
      expect(text).toContain('\\u{1b}[2J');
    }
    expect(parseJUnit(propertiesJUnit(r, cmd))).toBe('hasme.properties:1/1 hasme.harness:1/0');
    // The JUnit failure body keeps the block's lines (only newlines inside a quoted line are escaped).
    const failure = /<failure message="[^"]*">([\s\S]*?)<\/failure>/.exec(propertiesJUnit(r, cmd))![1];
    expect(failure.split('\n').length).toBeGreaterThan(2);
    expect(failure).not.toContain('\\u{a}');
  });
});
