/** Parsing of the numeric and list options of `hasme verify` and `hasme check`. */
import { integerOption, positiveNumberOption } from '../cli/options.js';
import { HasmeInputError } from '../errors.js';
import type { Op } from '../formats/types.js';

/** A positive finite number no larger than `max` (`fallback` when absent), or a HasmeInputError naming the option. */
export function positive(name: string, raw: string | undefined, fallback: number, max?: number): number {
  return raw === undefined ? fallback : positiveNumberOption(name, raw, max);
}

/** An integer ≥ `min` (default 1; `fallback` when absent). */
export function positiveInt(name: string, raw: string | undefined, fallback: number, min = 1): number {
  return raw === undefined ? fallback : integerOption(name, raw, min, Number.MAX_SAFE_INTEGER);
}

/** A comma-separated subset of `allowed`. */
export function opList(raw: string | undefined, allowed: readonly Op[]): Op[] | undefined {
  if (raw === undefined) return undefined;
  const ops = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const bad = ops.find((o) => !(allowed as readonly string[]).includes(o));
  if (bad !== undefined || ops.length === 0) throw new HasmeInputError('parse', `--ops must list some of ${allowed.join(', ')}, got ${JSON.stringify(raw)}`);
  return ops as Op[];
}
