/** Option specs and checks shared by the explore families (each returns an error message or null). */
import type { ParamSpec } from '../types.js';

export const positive = (v: number): string | null => (v > 0 ? null : 'must be > 0');
export const nonNegative = (v: number): string | null => (v >= 0 ? null : 'must be ≥ 0');

/** `--s1 --s2`: the eigenvalues of Σ, both ≥ 0 and not both 0. */
export function sigmaEigenvalueParams(s1: number, s2: number): ParamSpec[] {
  return [
    { name: 's1', description: 'first eigenvalue of Σ (≥ 0)', default: s1, check: nonNegative },
    {
      name: 's2',
      description: 'second eigenvalue of Σ (≥ 0)',
      default: s2,
      check: (v, all) => nonNegative(v) ?? (v === 0 && all.s1 === 0 ? 'Σ must not be 0' : null),
    },
  ];
}

/** `--steps`: the number k of SGD steps after which the moments are compared (integer ≥ 1). */
export function stepsParam(steps: number): ParamSpec {
  return {
    name: 'steps',
    description: 'SGD steps k for the moment comparison',
    default: steps,
    check: (v) => (Number.isInteger(v) && v >= 1 ? null : 'must be an integer ≥ 1'),
  };
}
