/**
 * Readable numbers for counterexample descriptions (hasme find, the claim checks, the differential
 * tests): round numbers stay round, other doubles get 6 significant digits, tiny ones exponent
 * notation. Machine-readable outputs (request lines, JSON) keep every digit instead.
 */

/** `x` in at most 6 significant digits: 0.5, 1.23457, 1.5e-7. */
export function readableNumber(x: number): string {
  if (Number.isInteger(x)) return String(x);
  const short = Number(x.toPrecision(6));
  return Math.abs(short) >= 1e-3 || short === 0 ? String(short) : short.toExponential();
}

/** A matrix as nested brackets of readable numbers: [[1, 0.5], [0.5, 2]]. */
export function readableMatrix(A: readonly (readonly number[])[]): string {
  return `[${A.map((row) => `[${row.map(readableNumber).join(', ')}]`).join(', ')}]`;
}
