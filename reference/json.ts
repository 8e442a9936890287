/**
 * Decimal results as JSON (spec/vectors.md): a real scalar is a decimal string, a complex one
 * an [re, im] pair of them, rounded to a given number of significant digits.
 */
import type { Decimal } from 'decimal.js';
import type { MatrixJSON, VectorJSON } from '../src/formats/types.js';
import { Complex } from './complex.js';
import type { RealMatrix } from './matrix.js';

/** x rounded to `sig` significant digits as a decimal string ("0", "-1.25", "3.5e-12"). */
export function decimalToJSON(x: Decimal, sig: number): string {
  return x.toSignificantDigits(sig).toString();
}

export function realMatrixToJSON(M: RealMatrix, sig: number): string[][] {
  return M.map((row) => row.map((x) => decimalToJSON(x, sig)));
}

function normSq(zs: Complex[], part: 're' | 'im' | 'both'): Decimal {
  const D = zs[0].D;
  let s = new D(0);
  for (const z of zs) {
    if (part !== 'im') s = s.plus(z.re.times(z.re));
    if (part !== 're') s = s.plus(z.im.times(z.im));
  }
  return s;
}

/**
 * True when the imaginary parts are below the emitted precision: ‖Im z‖₂ ≤ 10^−sig ‖z‖₂.
 * Such values are real to every digit written (e.g. HA-SME's moments in regime X, C1/C3).
 */
export function isRealAtPrecision(zs: Complex[], sig: number): boolean {
  if (zs.length === 0) return true;
  const im = normSq(zs, 'im');
  if (im.isZero()) return true;
  return im.lte(normSq(zs, 'both').times(new (zs[0].D)(10).pow(-2 * sig)));
}

/**
 * Replaces real and imaginary parts below 10^−floorDigits·‖zs‖₂ by exact zeros: values that are zero
 * to the computation's accuracy (e.g. structural zeros of U(·)Uᵀ) are then written as "0" rather
 * than as rounding noise.
 */
function flushNoise(zs: Complex[], floorDigits: number | undefined): (z: Complex) => Complex {
  if (floorDigits === undefined || zs.length === 0) return (z) => z;
  const D = zs[0].D;
  const floor = normSq(zs, 'both').sqrt().times(new D(10).pow(-floorDigits));
  const zero = new D(0);
  return (z) => new Complex(z.re.abs().lte(floor) ? zero : z.re, z.im.abs().lte(floor) ? zero : z.im);
}

/**
 * A complex vector as JSON: decimal strings if real at `sig` digits, else [re, im] pairs. With
 * `floorDigits`, parts below 10^−floorDigits of the vector's norm are written as 0.
 */
export function complexVectorToJSON(v: Complex[], sig: number, floorDigits?: number): VectorJSON {
  const clean = v.map(flushNoise(v, floorDigits));
  if (isRealAtPrecision(clean, sig)) return clean.map((z) => decimalToJSON(z.re, sig));
  return clean.map((z) => [decimalToJSON(z.re, sig), decimalToJSON(z.im, sig)]);
}

/**
 * A complex matrix as JSON: decimal strings if real at `sig` digits (whole matrix), else [re, im]
 * pairs. With `floorDigits`, parts below 10^−floorDigits of the matrix's Frobenius norm are written as 0.
 */
export function complexMatrixToJSON(M: Complex[][], sig: number, floorDigits?: number): MatrixJSON {
  const flush = flushNoise(M.flat(), floorDigits);
  const clean = M.map((row) => row.map(flush));
  if (isRealAtPrecision(clean.flat(), sig)) return clean.map((row) => row.map((z) => decimalToJSON(z.re, sig)));
  return clean.map((row) => row.map((z): [string, string] => [decimalToJSON(z.re, sig), decimalToJSON(z.im, sig)]));
}
