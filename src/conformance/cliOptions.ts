/** Parsing of the numeric and list options of `hasme verify` and `hasme check`. */
import { HasmeInputError } from '../errors.js';
import type { Op } from '../formats/types.js';

/** A positive finite number, or a HasmeInputError naming the option. */
export function positive(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const v = Number(raw);
  if (!Number.isFinite(v) || v <= 0) throw new HasmeInputError('parse', `${name} must be a positive number, got ${JSON.stringify(raw)}`);
  return v;
}

/** A positive integer. */
export function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  const v = positive(name, raw, fallback);
  if (!Number.isInteger(v)) throw new HasmeInputError('parse', `${name} must be a positive integer, got ${JSON.stringify(raw)}`);
  return v;
}

/** A comma-separated subset of `allowed`. */
export function opList(raw: string | undefined, allowed: readonly Op[]): Op[] | undefined {
  if (raw === undefined) return undefined;
  const ops = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const bad = ops.find((o) => !(allowed as readonly string[]).includes(o));
  if (bad !== undefined || ops.length === 0) throw new HasmeInputError('parse', `--ops must list some of ${allowed.join(', ')}, got ${JSON.stringify(raw)}`);
  return ops as Op[];
}
