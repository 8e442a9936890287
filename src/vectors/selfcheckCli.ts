/** Console output of `hasme selfcheck`: a table (or JSON) of digits agreed per case. */
import Table from 'cli-table3';
import { tableStyle } from '../cli/color.js';
import { HasmeInputError } from '../errors.js';
import { refSelfCheck } from '../../reference/index.js';

/** Runs the self-check at `digits`; prints a table or JSON; returns true when every case passed. */
export function runSelfCheck(digits: number, json: boolean): boolean {
  if (!Number.isInteger(digits) || digits < 5 || digits > 1000) {
    throw new HasmeInputError('parse', `--digits must be an integer in [5, 1000], got ${digits}`);
  }
  const results = refSelfCheck({ digits });
  const ok = results.every((r) => r.ok);
  if (json) {
    console.log(JSON.stringify({ digits, ok, cases: results }, null, 2));
    return ok;
  }
  const table = new Table({ head: ['case', 'covers', 'digits agreed', 'ms', 'ok'], style: tableStyle() });
  for (const r of results) table.push([r.name, r.covers, r.digitsAgreed.toFixed(1), r.ms.toFixed(0), r.ok ? '✓' : '✗']);
  console.log(`Reference self-check: each case computed at ${digits} and ${digits + 20} significant digits`);
  console.log(table.toString());
  const worst = Math.min(...results.map((r) => r.digitsAgreed));
  console.log(`${ok ? 'PASS' : 'FAIL'}: worst agreement ${worst.toFixed(1)} digits (required ${digits})`);
  return ok;
}
