/**
 * Grid, shard and serialisation machinery of the explorer (no model code involved).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { params } from '../properties/budget.js';
import { axis, axisPoint, gridPoints, parseShard, shardRange } from '../src/explore/grid.js';
import { cellCsv, cellFields, cellJson } from '../src/explore/cellFormat.js';
import { resolveParams } from '../src/explore/params.js';
import { HasmeInputError } from '../src/errors.js';
import type { Cell, Family } from '../src/explore/types.js';

describe('axes', () => {
  it('hit exactly representable points exactly (regime boundaries ηa = 1, 2 on grid rows)', () => {
    const eta = axis({ name: 'eta', label: 'η', min: 0, max: 2.5, n: 200, scale: 'linear', includeMin: false });
    // η_j = 2.5 (j + 1)/200: the rows of ηa1 = 1, 2 (a1 = 4), ηa2 = 1, 2 and the pair pole η = 5/4 (a2 = 1).
    expect(axisPoint(eta, 19)).toBe(0.25);
    expect(axisPoint(eta, 39)).toBe(0.5);
    expect(axisPoint(eta, 79)).toBe(1);
    expect(axisPoint(eta, 99)).toBe(1.25);
    expect(axisPoint(eta, 159)).toBe(2);
    expect(axisPoint(eta, 199)).toBe(2.5);
    const z = axis({ name: 'z', label: 'ηa', min: -1, max: 3, n: 200, scale: 'linear', includeMin: false });
    expect([axisPoint(z, 49), axisPoint(z, 99), axisPoint(z, 149), axisPoint(z, 199)]).toEqual([0, 1, 2, 3]);
  });

  it('closed axes include both ends; log axes are geometric', () => {
    const t = axis({ name: 'theta', label: 'θ', min: 0, max: Math.PI / 2, n: 5, scale: 'linear', includeMin: true });
    expect(axisPoint(t, 0)).toBe(0);
    expect(axisPoint(t, 4)).toBe(Math.PI / 2);
    const k = axis({ name: 'kappa', label: 'κ', min: 1, max: 1e4, n: 5, scale: 'log', includeMin: true });
    // 10^(j) for j = 0..4: exact powers of ten up to rounding of the exponent (within 2 ulp).
    [1, 10, 100, 1000, 1e4].forEach((v, i) => expect(Math.abs(axisPoint(k, i) - v)).toBeLessThanOrEqual(4 * Number.EPSILON * v));
  });

  it('reject bad ranges and sizes with HasmeInputError', () => {
    expect(() => axis({ name: 'a', label: 'a', min: 1, max: 1, n: 3, scale: 'linear', includeMin: true })).toThrow(HasmeInputError);
    expect(() => axis({ name: 'a', label: 'a', min: 0, max: 1, n: 1, scale: 'linear', includeMin: true })).toThrow(/at least 2/);
    expect(() => axis({ name: 'a', label: 'a', min: 0, max: 1, n: 4, scale: 'log', includeMin: true })).toThrow(/log/);
  });
});

describe('shards', () => {
  it('parse i/n (1-based) and reject malformed ones', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '2', 'a/b', '1/0']) expect(() => parseShard(bad)).toThrow(HasmeInputError);
  });

  it('partition the row-major cell order into contiguous ranges', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 40 }), (total, count) => {
        let next = 0;
        for (let i = 1; i <= count; i++) {
          const { start, end } = shardRange({ index: i, count }, total);
          expect(start).toBe(next);
          expect(end).toBeGreaterThanOrEqual(start);
          next = end;
        }
        expect(next).toBe(total);
      }),
      params(100),
    );
  });

  it('grid points are enumerated lazily, x fastest', () => {
    const x = axis({ name: 'x', label: 'x', min: 0, max: 1, n: 3, scale: 'linear', includeMin: true });
    const y = axis({ name: 'y', label: 'y', min: 0, max: 1, n: 2, scale: 'linear', includeMin: false });
    const pts = [...gridPoints(x, y, 2, 5)];
    expect(pts.map((p) => [p.index, p.ix, p.iy])).toEqual([
      [2, 2, 0],
      [3, 0, 1],
      [4, 1, 1],
    ]);
    expect(pts[1]).toMatchObject({ x: 0, y: 1 });
  });
});

describe('cell serialisation', () => {
  const fields = cellFields([]);
  const s: Cell = { x: 0.5, y: 0.25, regime: 'S', psdMargin: null, pcovErr: null, covErr: null, singularDistance: null, overflow: null };

  it('writes keys in order, null (never NaN) for S cells, empty CSV fields', () => {
    expect(cellJson(s, fields)).toBe('{"x":0.5,"y":0.25,"regime":"S","psdMargin":null,"pcovErr":null,"covErr":null,"singularDistance":null,"overflow":null}');
    expect(cellCsv(s, fields)).toBe('0.5,0.25,S,,,,,');
  });

  it('round-trips doubles bit-exactly (−0 as 0) through JSON and CSV', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        const c: Cell = { ...s, regime: 'R', psdMargin: v, pcovErr: 0, covErr: 1e-300, singularDistance: 5e-324 };
        const exact = v === 0 ? 0 : v; // −0 is written as 0
        expect(JSON.parse(cellJson(c, fields)).psdMargin).toBe(exact);
        expect(Number(cellCsv(c, fields).split(',')[3])).toBe(exact);
      }),
      params(200),
    );
  });

  it('refuses to write a non-finite number', () => {
    expect(() => cellJson({ ...s, regime: 'R', psdMargin: Number.NaN }, fields)).toThrow(/non-finite psdMargin/);
  });
});

describe('family parameters', () => {
  const fam = {
    name: 'toy',
    params: [
      { name: 'a1', description: '', default: 4 },
      { name: 'etaMax', description: '', default: 1, check: (v: number) => (v > 0 ? null : 'must be > 0') },
    ],
  } as unknown as Family;

  it('take defaults, parse numbers strictly and run checks', () => {
    expect(resolveParams(fam, {})).toEqual({ a1: 4, etaMax: 1 });
    expect(resolveParams(fam, { a1: '1e-3' })).toEqual({ a1: 1e-3, etaMax: 1 });
    expect(() => resolveParams(fam, { a1: 'abc' })).toThrow(/--a1 must be a finite number/);
    expect(() => resolveParams(fam, { a1: 'Infinity' })).toThrow(HasmeInputError);
    expect(() => resolveParams(fam, { etaMax: '-1' })).toThrow(/--eta-max = -1: must be > 0/);
  });

  it('reject an option of another family by name', () => {
    expect(() => resolveParams(fam, { theta: '1' }, ['a1', 'etaMax', 'theta'])).toThrow(/--theta does not apply to family toy/);
  });
});
