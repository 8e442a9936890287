/**
 * Minimal benchmark harness: medians of wall-clock samples, printed as a table, and ratios
 * against a baseline measured in the same run. Benchmarks are never timed tests.
 */
import Table from 'cli-table3';

export interface Sample {
  name: string;
  /** Median wall-clock time in milliseconds. */
  medianMs: number;
  minMs: number;
  runs: number;
  /** Target in ms, when the issue states one. */
  targetMs?: number;
  /** Name of the baseline row in the same run, for a ratio column. */
  baseline?: string;
  note?: string;
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed (or until `maxMs` of samples). */
export async function measure(
  name: string,
  fn: () => unknown | Promise<unknown>,
  opts: { runs?: number; warmup?: number; maxMs?: number; targetMs?: number; baseline?: string; note?: string } = {},
): Promise<Sample> {
  const runs = opts.runs ?? 15;
  const warmup = opts.warmup ?? 2;
  const maxMs = opts.maxMs ?? 20_000;
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < runs && (times.length < 3 || performance.now() - start < maxMs)) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  const medianMs = times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
  return { name, medianMs, minMs: times[0], runs: times.length, targetMs: opts.targetMs, baseline: opts.baseline, note: opts.note };
}

/** Renders samples as a readable table with target and baseline-ratio columns. */
export function renderTable(title: string, samples: Sample[]): string {
  const table = new Table({ head: ['benchmark', 'median ms', 'min ms', 'runs', 'target ms', 'vs baseline', 'note'] });
  for (const s of samples) {
    const base = s.baseline ? samples.find((b) => b.name === s.baseline) : undefined;
    table.push([
      s.name,
      s.medianMs.toFixed(2),
      s.minMs.toFixed(2),
      String(s.runs),
      s.targetMs === undefined ? '' : `${s.targetMs}${s.medianMs <= s.targetMs ? ' ✓' : ' ✗'}`,
      base ? `${(s.medianMs / base.medianMs).toFixed(2)}×` : '',
      s.note ?? '',
    ]);
  }
  return `${title}\n${table.toString()}`;
}
