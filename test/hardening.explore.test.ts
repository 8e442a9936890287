/**
 * Issue 13 items 1, 4, 8, 9 for the explorer: a failing run or merge leaves earlier outputs intact
 * (atomic writes), an overflowing cell is recorded with its reason instead of aborting the map,
 * merge reads parts with line and size caps, and absurd grids or shard specs are refused up front.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HasmeInputError } from '../src/errors.js';
import { familyByName } from '../src/explore/families/index.js';
import { axis, parseShard } from '../src/explore/grid.js';
import { mergeParts } from '../src/explore/merge.js';
import { explore, partFile } from '../src/explore/run.js';
import type { Cell, Family } from '../src/explore/types.js';
import { directoryFiles } from './explore.support.js';

const tmp = () => mkdtemp(join(tmpdir(), 'hasme-hardening-'));
const defaults = (f: Family) => Object.fromEntries(f.params.map((p) => [p.name, p.default]));

/** A closed-form family whose cell at (x, y) = (1, 1) throws when `bad` = 1 (a defect mid-run). */
const toy: Family = {
  name: 'toy',
  description: 'toy',
  params: [{ name: 'bad', description: '', default: 0 }],
  defaultGrid: 3,
  microsPerCell: 1,
  extraFields: [],
  axes: (_p, n) => ({
    x: axis({ name: 'x', label: 'x', min: 0, max: 2, n, scale: 'linear', includeMin: true }),
    y: axis({ name: 'y', label: 'y', min: 0, max: 2, n, scale: 'linear', includeMin: true }),
  }),
  cell: (p, x, y): Cell => {
    if (p.bad === 1 && x === 1 && y === 1) throw new Error('toy defect');
    return { x, y, regime: 'R', psdMargin: 1, pcovErr: 0, covErr: 0, singularDistance: 1 };
  },
  figures: [{ kind: 'heatmap', file: 'toy-regime.svg', title: 'toy', field: 'regime' }],
};

describe('explore: nothing lost (issue 13 item 1)', () => {
  it('a run that fails mid-way leaves the previous JSON/CSV/SVG byte for byte, and no temporary files', async () => {
    const dir = await tmp();
    await explore(toy, { bad: 0 }, { grid: 3, outDir: dir, progress: false });
    const before = await directoryFiles(dir);
    expect(before['toy.json'].length).toBeGreaterThan(50);
    await expect(explore(toy, { bad: 1 }, { grid: 3, outDir: dir, progress: false })).rejects.toThrow(/toy defect/);
    expect(await directoryFiles(dir)).toEqual(before);
  });

  it('an overflowing cell (rotated2x2, k = 170) is recorded with its reason; the map completes', async () => {
    const dir = await tmp();
    const fam = familyByName('rotated2x2');
    const r = await explore(fam, { ...defaults(fam), steps: 170 }, { grid: 4, outDir: dir, progress: false });
    expect(r.cells).toBe(16);
    const doc = JSON.parse(await readFile(join(dir, 'rotated2x2.json'), 'utf8')) as { cells: Cell[] };
    const over = doc.cells.filter((c) => c.overflow);
    expect(over.length).toBeGreaterThan(0);
    for (const c of over) {
      expect(c.overflow).toMatch(/not representable in double precision/);
      expect(c.pcovErr).toBeNull();
      expect(c.regime).not.toBe('S');
    }
    expect(r.summary.overflow).toBe(over.length);
    // The reason holds commas: the CSV quotes it, so every row keeps its column count.
    const csv = (await readFile(join(dir, 'rotated2x2.csv'), 'utf8')).trim().split('\n');
    expect(csv[0].split(',')).toContain('overflow');
    expect(csv).toHaveLength(17);
  });

  it('merge with a truncated part fails and leaves the earlier merged outputs intact', async () => {
    const root = await tmp();
    const parts = [1, 2].map((i) => join(root, partFile('toy', { index: i, count: 2 })));
    for (const i of [1, 2]) await explore(toy, { bad: 0 }, { grid: 3, outDir: root, shard: { index: i, count: 2 }, progress: false });
    const out = join(root, 'merged');
    await mergeParts(parts, () => toy, { outDir: out, progress: false });
    const before = await directoryFiles(out);
    const text = await readFile(parts[1], 'utf8');
    await writeFile(parts[1], text.slice(0, text.length - 40));
    await expect(mergeParts(parts, () => toy, { outDir: out, progress: false })).rejects.toThrow(HasmeInputError);
    expect(await directoryFiles(out)).toEqual(before);
  });
});

describe('explore merge: bounded reading and honest headers (items 4, 8)', () => {
  it('/dev/zero as a part fails at the line cap, fast, with a parse error', async () => {
    const t0 = Date.now();
    await expect(mergeParts(['/dev/zero'], () => toy, { outDir: await tmp(), progress: false })).rejects.toThrow(/longer than the limit/);
    expect(Date.now() - t0).toBeLessThan(20_000);
  });

  it('endless blank lines fail at the line-count cap', async () => {
    const root = await tmp();
    await explore(toy, { bad: 0 }, { grid: 3, outDir: root, shard: { index: 1, count: 1 }, progress: false });
    const part = join(root, partFile('toy', { index: 1, count: 1 }));
    const [head, ...cells] = (await readFile(part, 'utf8')).split('\n');
    await writeFile(part, [head, cells[0], '\n'.repeat(11 * (1 << 16))].join('\n'));
    await expect(mergeParts([part], () => toy, { outDir: join(root, 'm'), progress: false })).rejects.toThrow(/more than the limit of 25 lines/);
  });

  it('a hand-edited header covering 5 of 9 cells is refused', async () => {
    const root = await tmp();
    await explore(toy, { bad: 0 }, { grid: 3, outDir: root, shard: { index: 1, count: 1 }, progress: false });
    const part = join(root, partFile('toy', { index: 1, count: 1 }));
    const [head, ...rest] = (await readFile(part, 'utf8')).split('\n');
    const h = JSON.parse(head);
    h.shard.end = 5;
    await writeFile(part, [JSON.stringify(h), ...rest.slice(0, 5)].join('\n') + '\n');
    await expect(mergeParts([part], () => toy, { outDir: join(root, 'm'), progress: false })).rejects.toThrow(/claims cells \[0, 5\)/);
  });
});

describe('explore: limits up front (items 4, 9)', () => {
  it('--grid 100000 is refused with an estimate unless forced', async () => {
    const fam = familyByName('rotated2x2');
    const err = await explore(fam, defaults(fam), { grid: 100_000, outDir: await tmp(), progress: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HasmeInputError);
    expect((err as Error).message).toMatch(/grid too large: 1\.00e\+10 cells, about 2\.5e\+3 GB .* h on one core.*--force/);
  });

  it('psd-threshold is refused on its estimated time (3 ms a cell) well below 10⁶ cells', async () => {
    const fam = familyByName('psd-threshold');
    await expect(explore(fam, defaults(fam), { grid: 1200, outDir: await tmp(), progress: false })).rejects.toThrow(/grid too large/);
  });

  it('--shard with a count beyond 2⁵³ or beyond the cells is refused', async () => {
    expect(() => parseShard('99999999999999999999/99999999999999999999')).toThrow(HasmeInputError);
    await expect(explore(toy, { bad: 0 }, { grid: 3, outDir: await tmp(), shard: { index: 1, count: 10 }, progress: false })).rejects.toThrow(/more shards than the 9 cells/);
  });
});
