/**
 * Readable rendering of a found case: round numbers stay round, long doubles get 6 digits
 * (the request line keeps every digit).
 */
import { readableMatrix, readableNumber } from '../formats/readable.js';
import type { FindCase } from './cases.js';

const num = readableNumber;
const mat = readableMatrix;

/** One line: dimension, step size, spectra, misalignment, H and Σ. */
export function describeCase(c: FindCase): string {
  const lambda = Math.max(...c.eigH.map(Math.abs));
  const rank = c.sigmaEig.filter((s) => s > 0).length;
  const positive = c.sigmaEig.filter((s) => s > 0);
  const kappa = rank === c.d ? Math.max(...positive) / Math.min(...positive) : Infinity;
  return [
    `d = ${c.d}`,
    `η = ${num(c.eta)} (ηλ = ${num(c.eta * lambda)})`,
    `eig(H) = [${c.eigH.map(num).join(', ')}]`,
    `eig(Σ) = [${c.sigmaEig.map(num).join(', ')}] (${rank < c.d ? `rank ${rank}` : `κ = ${num(kappa)}`})`,
    ...(c.theta !== undefined ? [`θ = ${num(c.theta)} rad (${num(c.theta / Math.PI)}π)`] : []),
    `H = ${mat(c.H)}`,
    `Σ = ${mat(c.Sigma)}`,
    ...(c.steps > 1 ? [`k = ${c.steps} steps`] : []),
  ].join(', ');
}
