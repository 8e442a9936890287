/**
 * Axis scales of the figures: linear, log10 and symmetric-log, their domains fitted to the data,
 * and their ticks with labels in the data's own units.
 */

export interface Axis {
  label: string;
  /**
   * `linear` (default); `log` (non-positive values are dropped); `symlog`: sign(v)·ln(1 + |v|/c),
   * for signed values over many decades, labelled in the values' own units.
   */
  scale?: 'linear' | 'log' | { symlog: number };
  /** Explicit domain [min, max]; defaults to the data's extent plus a 3% margin. */
  domain?: [number, number];
  /** Tick values (those inside the domain are drawn); default: chosen from the domain. */
  ticks?: number[];
}

export interface Tick {
  value: number;
  /** Empty for an unlabelled (minor) tick. */
  label: string;
}

/** Margin added at each end of a fitted axis, as a fraction of the data's extent (in axis units). */
const AXIS_MARGIN = 0.03;

/** Map to and from the axis coordinate (log10 on log axes), where margins and pixels are linear. */
export function transform(a: Axis): { to: (v: number) => number; from: (t: number) => number } {
  const s = a.scale ?? 'linear';
  if (s === 'linear') return { to: (v) => v, from: (t) => t };
  if (s === 'log') return { to: Math.log10, from: (t) => 10 ** t };
  const c = s.symlog;
  return { to: (v) => Math.sign(v) * Math.log1p(Math.abs(v) / c), from: (t) => Math.sign(t) * c * Math.expm1(Math.abs(t)) };
}

/** Whether a value can be drawn on the axis (finite; positive on a log axis). */
export function drawable(a: Axis, v: number): boolean {
  return Number.isFinite(v) && (a.scale !== 'log' || v > 0);
}

/** The data's extent in axis coordinates widened by {@link AXIS_MARGIN} (a degenerate extent by ±0.5). */
export function fittedDomain(a: Axis, values: readonly number[]): [number, number] {
  if (a.domain) return a.domain;
  const t = transform(a);
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!drawable(a, v)) continue;
    lo = Math.min(lo, t.to(v));
    hi = Math.max(hi, t.to(v));
  }
  if (lo > hi) return a.scale === 'log' ? [1, 10] : [0, 1];
  const pad = hi > lo ? (hi - lo) * AXIS_MARGIN : a.scale === undefined || a.scale === 'linear' ? 0.5 * (Math.abs(lo) || 1) : 0.5;
  return [t.from(lo - pad), t.from(hi + pad)];
}

/** Pixel position of a value on an axis of `length` px over `domain` (`flip`: 0 at the far end, for y). */
export function pixelMap(a: Axis, domain: [number, number], length: number, flip: boolean): (v: number) => number {
  const t = transform(a);
  const t0 = t.to(domain[0]);
  const t1 = t.to(domain[1]);
  return (v) => {
    const f = (t.to(v) - t0) / (t1 - t0);
    return (flip ? 1 - f : f) * length;
  };
}

/**
 * A number as the figures print it: up to 4 significant digits, trailing zeros dropped, very small
 * or large magnitudes as 2e-6, the minus sign U+2212.
 */
export function formatNumber(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  let text: string;
  if (a < 1e-3 || a >= 1e4) {
    const [m, e] = v.toExponential(3).split('e');
    text = `${Number(m)}e${Number(e)}`;
  } else {
    text = String(Number(v.toPrecision(4)));
  }
  return text.replace(/-/g, '\u2212');
}

/** Step of about `count` linear ticks over [lo, hi]: 1, 2 or 5 times a power of ten. */
function niceStep(lo: number, hi: number, count: number): number {
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const r = raw / power;
  return power * (r >= 7.07 ? 10 : r >= 3.16 ? 5 : r >= 1.41 ? 2 : 1);
}

/** Ticks inside the domain: about `count` on linear axes, 1–9 × 10^k on log axes (labels thinned with many decades). */
export function axisTicks(a: Axis, domain: [number, number], count: number): Tick[] {
  const lo = Math.min(...domain);
  const hi = Math.max(...domain);
  const inside = (v: number) => v >= lo - 1e-12 * Math.abs(lo) && v <= hi + 1e-12 * Math.abs(hi);
  if (a.ticks) return a.ticks.filter(inside).map((value) => ({ value, label: formatNumber(value) }));
  if (a.scale === 'log') {
    const decades = Math.log10(hi / lo);
    const labelled = decades < 1.5 ? [1, 2, 3, 4, 5, 6, 7, 8, 9] : decades < 4 ? [1, 2, 5] : [1];
    const out: Tick[] = [];
    for (let k = Math.floor(Math.log10(lo)); k <= Math.ceil(Math.log10(hi)); k++) {
      for (let m = 1; m <= 9; m++) {
        const value = Number((m * 10 ** k).toPrecision(12));
        if (inside(value)) out.push({ value, label: labelled.includes(m) ? formatNumber(value) : '' });
      }
    }
    return out;
  }
  if (typeof a.scale === 'object') {
    // Symmetric log without given ticks: 0 and ±10^k every third decade within the domain.
    const c = a.scale.symlog;
    const values = [0];
    for (let k = Math.ceil(Math.log10(c)); k <= Math.ceil(Math.log10(Math.max(Math.abs(lo), Math.abs(hi)))); k += 3) values.push(10 ** k, -(10 ** k));
    return values.filter(inside).sort((x, y) => x - y).map((value) => ({ value, label: formatNumber(value) }));
  }
  const step = niceStep(lo, hi, count);
  const out: Tick[] = [];
  for (let i = Math.ceil(lo / step); i * step <= hi + step * 1e-9; i++) {
    const value = Number((i * step).toPrecision(12));
    out.push({ value, label: formatNumber(value) });
  }
  return out;
}
