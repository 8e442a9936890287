/**
 * Family parameters from command-line strings: strict numbers, per-family checks, and a clear
 * error for an option that belongs to another family.
 */
import { HasmeInputError } from '../errors.js';
import type { Family, FamilyParams } from './types.js';

/** `etaMax` → `--eta-max`. */
export function flagOf(name: string): string {
  return `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** Parses a number given as text (decimal or exponent form); rejects empty, NaN and ±Infinity. */
export function parseNumber(text: string, what: string): number {
  const v = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(v)) throw new HasmeInputError('non-finite', `${what} must be a finite number, got ${JSON.stringify(text)}`);
  return v;
}

/**
 * The family's parameters: defaults overridden by `given` (camelCase names → text). Options of
 * other families (`foreign`) are rejected by name.
 */
export function resolveParams(family: Family, given: Record<string, string | undefined>, foreign: readonly string[] = []): FamilyParams {
  const own = new Set(family.params.map((p) => p.name));
  for (const name of foreign) {
    if (given[name] !== undefined && !own.has(name)) {
      throw new HasmeInputError('unsupported', `${flagOf(name)} does not apply to family ${family.name} (its options: ${family.params.map((p) => flagOf(p.name)).join(' ')})`);
    }
  }
  const params: FamilyParams = {};
  for (const p of family.params) {
    const raw = given[p.name];
    params[p.name] = raw === undefined ? p.default : parseNumber(raw, flagOf(p.name));
  }
  for (const p of family.params) {
    const problem = p.check?.(params[p.name], params);
    if (problem) throw new HasmeInputError(/^eta/.test(p.name) ? 'eta' : 'shape', `${flagOf(p.name)} = ${params[p.name]}: ${problem}`);
  }
  return params;
}
