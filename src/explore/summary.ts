/**
 * Running summary of a map (regime counts, PSD and match extremes), printed as a table.
 */
import Table from 'cli-table3';
import type { Regime } from '../formats/types.js';
import type { CellSink } from './sinks.js';
import type { Cell } from './types.js';

interface Extreme {
  value: number;
  x: number;
  y: number;
}

/** Aggregates a run's cells in O(1) memory. */
export class SummarySink implements CellSink {
  readonly counts: Record<Regime, number> = { R: 0, X: 0, S: 0 };
  /** Cells of regime R with Σ̃ indefinite (psdMargin < 0). */
  indefinite = 0;
  /** Cells whose moments overflow double precision (errors left null, reason in the cell). */
  overflow = 0;
  minPsdMargin: Extreme | null = null;
  maxPcovErr: Extreme | null = null;
  maxCovErr: Extreme | null = null;
  minSingularDistance: Extreme | null = null;

  cell(c: Cell): void {
    this.counts[c.regime]++;
    if (c.psdMargin !== null && c.psdMargin < 0) this.indefinite++;
    if (c.overflow) this.overflow++;
    this.minPsdMargin = pick(this.minPsdMargin, c, c.psdMargin, (a, b) => a < b);
    this.maxPcovErr = pick(this.maxPcovErr, c, c.pcovErr, (a, b) => a > b);
    this.maxCovErr = pick(this.maxCovErr, c, c.covErr, (a, b) => a > b);
    this.minSingularDistance = pick(this.minSingularDistance, c, c.singularDistance, (a, b) => a < b);
  }

  async close(): Promise<void> {}

  /** The summary as a readable table. */
  table(title: string): string {
    const t = new Table({ head: ['quantity', 'value', 'at (x, y)'], style: { head: [], border: [] } });
    const at = (e: Extreme | null) => (e ? `(${e.x.toPrecision(4)}, ${e.y.toPrecision(4)})` : '');
    const num = (e: Extreme | null) => (e ? e.value.toExponential(3) : 'n/a');
    t.push(['cells R / X / S', `${this.counts.R} / ${this.counts.X} / ${this.counts.S}`, '']);
    t.push(['R cells with Σ̃ indefinite', String(this.indefinite), '']);
    if (this.overflow > 0) t.push(['cells with moments beyond double range', String(this.overflow), '']);
    t.push(['min PSD margin (R)', num(this.minPsdMargin), at(this.minPsdMargin)]);
    t.push(['max pseudo-cov. error', num(this.maxPcovErr), at(this.maxPcovErr)]);
    t.push(['max covariance error', num(this.maxCovErr), at(this.maxCovErr)]);
    t.push(['min distance to S', num(this.minSingularDistance), at(this.minSingularDistance)]);
    return `${title}\n${t.toString()}`;
  }
}

function pick(cur: Extreme | null, c: Cell, v: number | null | undefined, better: (a: number, b: number) => boolean): Extreme | null {
  if (v === null || v === undefined) return cur;
  return cur === null || better(v, cur.value) ? { value: v, x: c.x, y: c.y } : cur;
}
