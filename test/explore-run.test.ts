/**
 * Real-family runs end to end: shards merged equal the unsharded run, worker threads equal the
 * in-process run, the CLI's options cover every family parameter, and bad arguments are refused.
 */
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FAMILY_OPTIONS } from '../src/commands/explore.js';
import { FAMILIES, familyByName } from '../src/explore/families/index.js';
import { ROTATED2X2_DEFAULTS } from '../src/explore/index.js';
import { mergeParts } from '../src/explore/merge.js';
import { explore, partFile } from '../src/explore/run.js';
import { exploreCommand } from '../src/explore/cli.js';
import { HasmeInputError } from '../src/errors.js';
import { buildProgram } from '../src/cli/main.js';
import { directoryFiles } from './explore.support.js';

const run = promisify(execFile);
const tmp = () => mkdtemp(join(tmpdir(), 'hasme-explore-'));

/** Same files, byte for byte (a boolean per file: an SVG's diff would flood the output). */
async function same(a: string, b: string): Promise<void> {
  const [fa, fb] = await Promise.all([directoryFiles(a), directoryFiles(b)]);
  expect(Object.keys(fb)).toEqual(Object.keys(fa));
  for (const f of Object.keys(fa)) expect(fa[f] === fb[f], `${f} differs`).toBe(true);
}

describe('rotated2x2 runs', () => {
  it('merge of 3 shards equals the unsharded run (JSON, CSV, SVG)', async () => {
    const root = await tmp();
    const p = ROTATED2X2_DEFAULTS;
    const fam = familyByName('rotated2x2');
    await explore(fam, p, { grid: 10, outDir: join(root, 'full'), progress: false, workers: 1 });
    for (const i of [1, 2, 3]) await explore(fam, p, { grid: 10, outDir: join(root, 'parts'), shard: { index: i, count: 3 }, progress: false, workers: 1 });
    const parts = [1, 2, 3].map((i) => join(root, 'parts', partFile('rotated2x2', { index: i, count: 3 })));
    await mergeParts(parts, familyByName, { outDir: join(root, 'merged'), progress: false });
    await same(join(root, 'full'), join(root, 'merged'));
    const doc = JSON.parse(await readFile(join(root, 'full', 'rotated2x2.json'), 'utf8'));
    expect(doc.family).toBe('rotated2x2');
    expect(doc.params).toEqual(p);
    expect(doc.axes.x.name).toBe('theta');
    expect(doc.cells).toHaveLength(100);
  });

  it('`hasme explore merge PART... --out DIR` writes into DIR (commander wiring)', async () => {
    const root = await tmp();
    const fam = familyByName('eta-curvature');
    for (const i of [1, 2]) await explore(fam, { ...fam.params.reduce((o, q) => ({ ...o, [q.name]: q.default }), {}) }, { grid: 4, outDir: root, shard: { index: i, count: 2 }, progress: false, workers: 1 });
    const parts = [1, 2].map((i) => join(root, partFile('eta-curvature', { index: i, count: 2 })));
    const log = console.log;
    console.log = () => {};
    try {
      await buildProgram().parseAsync(['node', 'hasme', 'explore', 'merge', ...parts, '--out', join(root, 'merged')]);
    } finally {
      console.log = log;
    }
    expect((await readdir(join(root, 'merged'))).sort()).toContain('eta-curvature.json');
  });

  it('worker threads produce the same files as the in-process run', async () => {
    const root = await tmp();
    // A lowered threshold sends this small grid through the workers (chunks of 400 cells, 2 workers).
    const fam = { ...familyByName('rotated2x2'), parallelMinCells: 1 };
    const opts = { grid: 30, progress: false };
    await explore(fam, ROTATED2X2_DEFAULTS, { ...opts, outDir: join(root, 'one'), workers: 1 });
    await explore(fam, ROTATED2X2_DEFAULTS, { ...opts, outDir: join(root, 'two'), workers: 2 });
    await same(join(root, 'one'), join(root, 'two'));
  });
});

describe('psd-threshold output', () => {
  it('cells carry eta0 and etaBound after the base fields, in JSON and CSV', async () => {
    const dir = await tmp();
    const fam = familyByName('psd-threshold');
    const params = Object.fromEntries(fam.params.map((q) => [q.name, q.default]));
    await explore(fam, params, { grid: 3, outDir: dir, progress: false }); // θ ∈ {0, π/4, π/2}, κ ∈ {1, 1e3, 1e6}
    const doc = JSON.parse(await readFile(join(dir, 'psd-threshold.json'), 'utf8'));
    expect(Object.keys(doc.cells[0])).toEqual(['x', 'y', 'regime', 'psdMargin', 'pcovErr', 'covErr', 'singularDistance', 'overflow', 'eta0', 'etaBound']);
    // θ = 0 and π/2 commute (C5): no η₀; θ = π/4 with κ = 10⁶ fails early, above the C6 bound.
    expect(doc.cells[6].eta0).toBeNull();
    expect(doc.cells[8].eta0).toBeNull();
    const mid = doc.cells[7];
    expect(mid.eta0).toBeGreaterThan(mid.etaBound);
    expect(mid.eta0).toBeLessThan(0.01);
    const csv = (await readFile(join(dir, 'psd-threshold.csv'), 'utf8')).split('\n');
    expect(csv[0]).toBe('x,y,regime,psdMargin,pcovErr,covErr,singularDistance,overflow,eta0,etaBound');
  });
});

describe('explore command line', () => {
  it('registers an option for every family parameter', () => {
    const names = new Set(FAMILY_OPTIONS.map((o) => o.name));
    for (const f of FAMILIES) for (const p of f.params) expect(names.has(p.name), `${f.name} --${p.name}`).toBe(true);
  });

  it('streams the JSON document with --json and refuses bad arguments by name', async () => {
    const dir = await tmp();
    const { stdout } = await run('node', ['bin/hasme.js', 'explore', '--family', 'eta-curvature', '--grid', '4', '--out', dir, '--json']);
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc)).toEqual(['family', 'params', 'axes', 'cells']);
    expect(doc.cells).toHaveLength(16);
    // Bad arguments, in-process (the CLI turns these HasmeInputErrors into exit code 2).
    const names = FAMILY_OPTIONS.map((o) => o.name);
    const fail = (opts: Record<string, string>) => exploreCommand({ out: dir, ...opts }, names);
    await expect(fail({ family: 'nope' })).rejects.toThrow(/unknown family "nope"/);
    await expect(fail({ family: 'rotated2x2', theta: '1' })).rejects.toThrow(/--theta does not apply to family rotated2x2/);
    await expect(fail({ family: 'rotated2x2', shard: '4/3' })).rejects.toThrow(/--shard 4\/3/);
    await expect(fail({ family: 'rotated2x2', etaMax: '-1' })).rejects.toThrow(/eta: --eta-max = -1/);
    await expect(fail({ family: 'rotated2x2', grid: '1' })).rejects.toThrow(HasmeInputError);
    await expect(fail({ family: 'rotated2x2', a1: 'NaN' })).rejects.toThrow(/non-finite: --a1/);
  });
});
