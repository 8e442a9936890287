/**
 * Parsing of numeric command-line option values, shared by every `hasme` command so that a bad
 * value always gets the same kind of message: a HasmeInputError naming the flag, the accepted
 * range and the text the user typed (never "got NaN").
 */
import { HasmeInputError, type ErrorCode } from '../errors.js';

/** Decimal integer literal, optionally signed (rejects "", "1e3", "0x10", "2.5"). */
const INTEGER = /^[+-]?\d+$/;

/**
 * `raw` as an integer in [min, max], or a HasmeInputError (default code `parse`) naming `flag`.
 * @param flag the option as the user types it, e.g. `--runs`
 */
export function integerOption(flag: string, raw: string, min: number, max: number, code: ErrorCode = 'parse'): number {
  const text = raw.trim();
  const v = Number(text);
  if (!INTEGER.test(text) || !Number.isSafeInteger(v) || v < min || v > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `in [${min}, ${max}]`;
    throw new HasmeInputError(code, `${flag} must be an integer ${range}, got ${JSON.stringify(raw)}`);
  }
  return v;
}

/** `raw` as a number in (0, max], or a HasmeInputError (code `parse`) naming `flag`. */
export function positiveNumberOption(flag: string, raw: string, max = Number.MAX_VALUE): number {
  const text = raw.trim();
  const v = Number(text);
  if (text === '' || !Number.isFinite(v) || v <= 0 || v > max) {
    const range = max === Number.MAX_VALUE ? '' : ` no larger than ${max}`;
    throw new HasmeInputError('parse', `${flag} must be a positive number${range}, got ${JSON.stringify(raw)}`);
  }
  return v;
}

/** Longest time limit in seconds: Node's timers overflow (and fire at once) beyond 2^31 − 1 ms. */
export const MAX_TIMEOUT_S = Math.floor((2 ** 31 - 1) / 1000);

/**
 * Runs a reader of an environment override (properties/budget.ts: HASME_RUNS, HASME_SEED), turning
 * its plain Error on a bad value into a HasmeInputError (code `parse`).
 */
export function fromEnv(read: () => number): number {
  try {
    return read();
  } catch (err) {
    throw new HasmeInputError('parse', (err as Error).message);
  }
}
