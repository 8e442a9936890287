/**
 * Sharded runs merged by `explore merge` equal an unsharded run byte for byte (JSON, CSV, SVG),
 * and bad part sets are refused with a reason. Uses a closed-form toy family: this tests the
 * streaming machinery only; the real families are checked in explore-cells.test.ts.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axis } from '../src/explore/grid.js';
import { mergeParts } from '../src/explore/merge.js';
import { explore, partFile } from '../src/explore/run.js';
import type { Cell, Family } from '../src/explore/types.js';
import { directoryFiles } from './explore.support.js';
import { HasmeInputError } from '../src/errors.js';
import { Writable } from 'node:stream';
import { TextOut } from '../src/explore/textOut.js';

const toy: Family = {
  name: 'toy',
  description: 'closed-form toy cells',
  params: [{ name: 'c', description: '', default: 1 }],
  defaultGrid: 5,
  microsPerCell: 1,
  extraFields: ['eta0'],
  axes: (_p, n) => ({
    x: axis({ name: 'x', label: 'x', min: 0, max: 2, n, scale: 'linear', includeMin: true }),
    y: axis({ name: 'y', label: 'y', min: 0, max: 2, n, scale: 'linear', includeMin: false }),
  }),
  cell: (p, x, y): Cell =>
    x + y === 2
      ? { x, y, regime: 'S', psdMargin: null, pcovErr: null, covErr: null, singularDistance: null, overflow: null, eta0: null }
      : { x, y, regime: x + y < 2 ? 'R' : 'X', psdMargin: x + y < 2 ? p.c - x * y : null, pcovErr: 1e-16 * (1 + x), covErr: null, singularDistance: Math.abs(2 - x - y), overflow: null, eta0: y / 3 },
  figures: [
    { kind: 'heatmap', file: 'toy-regime.svg', title: 'toy regime', field: 'regime' },
    { kind: 'heatmap', file: 'toy-margin.svg', title: 'toy margin', field: 'psdMargin' },
    { kind: 'curves', file: 'toy-curves.svg', title: 'toy curves', fields: ['eta0'], yLabel: 'η' },
  ],
};
const lookup = (name: string) => {
  if (name !== 'toy') throw new Error(name);
  return toy;
};

describe('explore shards and merge', () => {
  it('merge of 1/3, 2/3, 3/3 (given out of order) equals the unsharded run byte for byte', async () => {
    const root = await mkdtemp(join(tmpdir(), 'hasme-explore-'));
    const full = join(root, 'full');
    const parts = join(root, 'parts');
    const merged = join(root, 'merged');
    const n = 9; // 81 cells: shard sizes 27 each; the diagonal x + y = 2 lands on S cells
    const r = await explore(toy, { c: 1 }, { grid: n, outDir: full, progress: false });
    expect(r.cells).toBe(81);
    for (const i of [1, 2, 3]) await explore(toy, { c: 1 }, { grid: n, outDir: parts, shard: { index: i, count: 3 }, progress: false });
    const m = await mergeParts([3, 1, 2].map((i) => join(parts, partFile('toy', { index: i, count: 3 }))), lookup, { outDir: merged, progress: false });
    expect(m.cells).toBe(81);
    const a = await directoryFiles(full);
    const b = await directoryFiles(merged);
    expect(Object.keys(a)).toEqual(['toy-curves.svg', 'toy-margin.svg', 'toy-regime.svg', 'toy.csv', 'toy.json']);
    // Compare file by file without dumping whole SVGs into the failure message.
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const f of Object.keys(a)) expect(b[f] === a[f], `${f} differs`).toBe(true);
    const doc = JSON.parse(a['toy.json']);
    expect(Object.keys(doc)).toEqual(['family', 'params', 'axes', 'cells']);
    expect(doc.cells).toHaveLength(81);
    expect(Object.keys(doc.cells[0])).toEqual(['x', 'y', 'regime', 'psdMargin', 'pcovErr', 'covErr', 'singularDistance', 'overflow', 'eta0']);
    expect(doc.cells.filter((c: Cell) => c.regime === 'S').every((c: Cell) => c.psdMargin === null && c.singularDistance === null)).toBe(true);
    expect(a['toy.csv'].trim().split('\n')).toHaveLength(82);
  });

  it('refuses missing, duplicated, foreign and truncated parts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hasme-explore-'));
    const p = (i: number, c = 2) => join(dir, partFile('toy', { index: i, count: c }));
    for (const i of [1, 2]) await explore(toy, { c: 1 }, { grid: 4, outDir: dir, shard: { index: i, count: 2 }, progress: false });
    const out = join(dir, 'out');
    await expect(mergeParts([p(1)], lookup, { outDir: out, progress: false })).rejects.toThrow(/missing shard\(s\) 2 of 2/);
    await expect(mergeParts([p(1), p(1), p(2)], lookup, { outDir: out, progress: false })).rejects.toThrow(/given twice/);
    const other = join(dir, 'other');
    await explore(toy, { c: 2 }, { grid: 4, outDir: other, shard: { index: 2, count: 2 }, progress: false });
    await expect(mergeParts([p(1), join(other, partFile('toy', { index: 2, count: 2 }))], lookup, { outDir: out, progress: false })).rejects.toThrow(/different run/);
    const text = await readFile(p(2), 'utf8');
    await writeFile(p(2), text.split('\n').slice(0, 3).join('\n') + '\n');
    await expect(mergeParts([p(1), p(2)], lookup, { outDir: out, progress: false })).rejects.toThrow(/truncated part/);
    await writeFile(p(2), 'not json\n');
    await expect(mergeParts([p(1), p(2)], lookup, { outDir: out, progress: false })).rejects.toThrow(HasmeInputError);
  });
});

describe('streamed output', () => {
  const failing = (code: string) =>
    new Writable({
      highWaterMark: 1,
      write(_chunk, _enc, cb) {
        cb(Object.assign(new Error(code), { code }));
      },
    });

  it('a reader that goes away (EPIPE, `--json | head`) ends the output quietly', async () => {
    const out = TextOut.stream(failing('EPIPE'));
    await out.write('x'.repeat(1 << 17));
    await out.write('more');
    await expect(out.close()).resolves.toBeUndefined();
  });

  it('any other stream error is raised', async () => {
    const out = TextOut.stream(failing('EIO'));
    await expect(
      (async () => {
        await out.write('x'.repeat(1 << 17));
        await out.write('x'.repeat(1 << 17));
      })(),
    ).rejects.toThrow(/EIO/);
  });
});
