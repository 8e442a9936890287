/**
 * The built-in problems' weak tables and λ-sweeps, computed once per process and shared by the
 * claim checks and the figures (the report runs both).
 */
import { DEFAULT_SEED } from '../../properties/budget.js';
import { libraryImpl } from '../../properties/impl.js';
import type { SdeModel } from '../formats/types.js';
import { builtinProblem } from '../problems/builtin.js';
import type { FiniteSumProblem } from '../problems/types.js';
import { escapeCurves, type EscapeResult } from './escape.js';
import { sharpEscape, wellEscape, type SharpResults, type WellPoint } from './escapeBeyond.js';
import { oneDimWeakRows, type OneDimRow } from './oneDim.js';
import { powerCurve, type PowerCurve } from './recovery.js';
import { smoothnessSweep, SMOOTHNESS_FAMILIES, type SmoothnessSweep } from './smoothness.js';
import { finiteSumSweep, type Sweep } from './sweep.js';
import { weakTable, type WeakTable } from './table.js';
import type { TwoDimRow } from './twoDim.js';
import { twoDimTableParallel } from './twoDimParallel.js';
import { engineSweep, type TwoDimSweep } from './twoDimSweep.js';

/** Precision of the exact engines in checks and figures (HA-SME's zero error sits near 1e-40 there). */
export const CHECK_DIGITS = 30;

/** The finite-sum horizon sweep's fixed ηs and its scales s (C15). */
export const SWEEP_KAPPA = '0.125';
export const SWEEP_LAMBDAS = [1, 2, 4, 8];

const memo = new Map<string, Promise<unknown>>();
function once<T>(key: string, make: () => Promise<T>): Promise<T> {
  if (!memo.has(key)) memo.set(key, make());
  return memo.get(key) as Promise<T>;
}

/** Weak table of a quadratic or finite-sum built-in at {@link CHECK_DIGITS}. */
export function builtinTable(name: string): Promise<WeakTable> {
  return once(`table:${name}`, () => weakTable(builtinProblem(name), { digits: CHECK_DIGITS }));
}

/** Rows (with engine-error estimates) of a 1-D built-in. */
export function builtinOneDimRows(name: string): Promise<OneDimRow[]> {
  return once(`oned:${name}`, async () => {
    const p = builtinProblem(name);
    if (p.kind !== 'oned') throw new RangeError(`built-in ${name} is not a 1-D problem`);
    return oneDimWeakRows(p);
  });
}

/** Rows (with engine-error estimates) of a 2-D built-in (C22, src/weak/twoDim.ts). */
export function builtinTwoDimRows(name: string): Promise<TwoDimRow[]> {
  return once(`twod:${name}`, async () => {
    const p = builtinProblem(name);
    if (p.kind !== 'twod') throw new RangeError(`built-in ${name} is not a 2-D problem`);
    return twoDimTableParallel(p);
  });
}

/** The horizon sweep of a finite-sum built-in (F_i → sF_i with ηs fixed: the base problem at horizon sT; C15). */
export function builtinSweep(name: string): Promise<Sweep> {
  return once(`sweep:${name}`, async () => {
    const p = builtinProblem(name);
    if (p.kind !== 'finite-sum') throw new RangeError(`no horizon sweep for built-in ${name} (kind ${p.kind})`);
    return finiteSumSweep(p as FiniteSumProblem, { scales: SWEEP_LAMBDAS, kappa: SWEEP_KAPPA, digits: CHECK_DIGITS });
  });
}

/** The smoothness sweeps of C19, one per family (src/weak/smoothness.ts). */
export function builtinSmoothness(): Promise<SmoothnessSweep[]> {
  return once('smoothness', async () => SMOOTHNESS_FAMILIES.map((f) => smoothnessSweep(f)));
}

/** The 2-D smoothness sweep of C23 (src/weak/twoDimSweep.ts). */
export function builtinTwoDimSweep(): Promise<TwoDimSweep> {
  return once('twod-sweep', () => engineSweep());
}

/** C20 (b): the escape measure near the maximum of −cos, per model (src/weak/escapeBeyond.ts). */
export function builtinWellEscape(): Promise<WellPoint[]> {
  return once('well', async () => wellEscape());
}

/** C20 (c)–(d): sharp escape probabilities by the density engine (src/weak/escapeSharp.ts). */
export function builtinSharpEscape(): Promise<SharpResults> {
  return once('sharp', async () => sharpEscape());
}

/** C21's power curve on the library's sampler (src/weak/recovery.ts); the figure uses the default seed. */
export function builtinPowerCurve(seed: number = DEFAULT_SEED): Promise<PowerCurve> {
  return once(`power:${seed}`, async () => powerCurve(libraryImpl(), seed));
}

/** Escape curves of a saddle built-in at {@link CHECK_DIGITS}. */
export function builtinEscape(name: string): Promise<EscapeResult> {
  return once(`escape:${name}`, async () => {
    const p = builtinProblem(name);
    if (p.kind !== 'saddle') throw new RangeError(`built-in ${name} is not a saddle problem`);
    return escapeCurves(p, { digits: CHECK_DIGITS });
  });
}

/** Models whose constant |error|/η² is the smallest at every λ of the sweep. */
export function smallestEverywhere(s: Sweep, model: SdeModel): boolean {
  return s.points.every((p) => Object.entries(p.constants).every(([m, c]) => m === model || c! > p.constants[model]!));
}
