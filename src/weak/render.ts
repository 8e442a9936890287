/**
 * Readable output of `hasme weak`: the rows as a table and the fitted orders with their
 * diagnostics.
 */
import Table from 'cli-table3';
import { listBuiltins } from '../problems/builtin.js';
import type { WeakTable } from './table.js';

function short(x: string, sig = 12): string {
  const n = Number(x);
  return n === 0 ? '0' : n.toPrecision(sig).replace(/\.?0+(e|$)/, '$1');
}

export function renderWeakTable(t: WeakTable): string {
  const table = new Table({ style: { head: [], border: [] }, head: ['model', 'η', 'steps', 'E u (SGD)', 'E u (SDE)', 'error = sde − sgd'] });
  for (const r of t.rows) table.push([r.model, r.eta, String(r.steps), short(r.sgd), short(r.sde), short(r.error, 6)]);
  const lines = [table.toString(), 'fitted orders (least squares of log|error| on log η):'];
  for (const [model, fit] of Object.entries(t.fits)) {
    if (!fit) continue;
    const order = fit.order === 'exact' ? 'exact (every |error| < 1e-30)' : fit.order === null ? 'n/a (fewer than two non-zero errors)' : fit.order.toFixed(3);
    const slopes = fit.localSlopes.length ? `  local slopes ${fit.localSlopes.map((s) => s.toFixed(3)).join(', ')}` : '';
    lines.push(`  ${model.padEnd(6)} ${order}${slopes}${fit.preAsymptotic && fit.order !== null ? '  (pre-asymptotic: local slopes differ by > 0.1)' : ''}`);
  }
  if (t.engineError !== undefined) lines.push(`engine error estimate (refinement): ${t.engineError.toExponential(2)} (absolute, in E u)`);
  if (t.belowBar?.length) {
    lines.push(`below the 2-D engine's bar (engine error > 1e-3 of the weak error: fewer than three correct digits, not usable for C22; spec/weak.md §11):`);
    for (const r of t.belowBar) lines.push(`  ${r.model.padEnd(6)} η = ${r.eta}: engine error ${r.ratio.toExponential(1)} of |error|`);
  }
  return lines.join('\n');
}

export function renderBuiltinList(): string {
  const table = new Table({ style: { head: [], border: [] }, head: ['name', 'kind', 'claims', 'description'], colWidths: [17, 12, 8, 70], wordWrap: true });
  for (const b of listBuiltins()) table.push([b.name, b.kind, b.claims.join(' '), b.description]);
  return table.toString();
}
