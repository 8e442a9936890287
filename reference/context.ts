/**
 * Per-call precision for the decimal reference. Every computation receives a {@link Ctx} that
 * owns its own `Decimal.clone`: the global Decimal configuration is never touched, so calls at
 * different precisions cannot leak state into each other.
 */
import decimalModule from 'decimal.js';
import type { Decimal } from 'decimal.js';

/**
 * decimal.js's class. Its ESM build default-exports the class, while its (CommonJS-style) typings
 * make TypeScript see the default import as the module; accept both shapes.
 */
const imported = decimalModule as unknown as Decimal.Constructor & { default?: Decimal.Constructor };
const DecimalClass: Decimal.Constructor = imported.default ?? imported;

/** Options accepted by every public reference function. */
export interface RefOptions {
  /** Significant digits the result must carry (default {@link DEFAULT_DIGITS}). */
  digits?: number;
}

/** Default number of significant digits of reference results. */
export const DEFAULT_DIGITS = 50;

/** A precision context: a private Decimal constructor plus cached constants. */
export interface Ctx {
  /** Requested significant digits. */
  readonly digits: number;
  /** Working precision (digits + guard digits) of every Decimal operation in this context. */
  readonly work: number;
  /** Decimal constructor configured at `work` significant digits (round half even). */
  readonly D: Decimal.Constructor;
  readonly zero: Decimal;
  readonly one: Decimal;
  /** π at working precision. */
  readonly pi: Decimal;
  /** 10^−work: unit roundoff scale of the working precision. */
  readonly eps: Decimal;
}

/**
 * Guard digits added to the requested digits. Away from the singular set the computations lose
 * at most ~4 of them (the self-check measures the delivered digits); nearer, api.ts adds more.
 */
export const GUARD_DIGITS = 10;

const cache = new Map<string, Ctx>();

/** The context for `opts.digits` (contexts are immutable and cached per precision). */
export function context(opts: RefOptions = {}): Ctx {
  const digits = opts.digits ?? DEFAULT_DIGITS;
  if (!Number.isInteger(digits) || digits < 5 || digits > 2000) {
    throw new RangeError(`digits must be an integer in [5, 2000], got ${digits}`);
  }
  return makeContext(digits, digits + GUARD_DIGITS);
}

/**
 * A context working at `work` digits (at most `ctx.work`), for intermediate steps whose result
 * is refined afterwards at full precision (e.g. the first eigenvector refinement step).
 */
export function reducedContext(ctx: Ctx, work: number): Ctx {
  const w = Math.min(ctx.work, Math.max(16, Math.ceil(work)));
  return makeContext(Math.min(ctx.digits, w), w);
}

function makeContext(digits: number, work: number): Ctx {
  const key = `${digits}/${work}`;
  let ctx = cache.get(key);
  if (!ctx) {
    const D = DecimalClass.clone({ precision: work, rounding: DecimalClass.ROUND_HALF_EVEN, minE: -9e15, maxE: 9e15 });
    ctx = Object.freeze({
      digits,
      work,
      D,
      zero: new D(0),
      one: new D(1),
      pi: D.acos(-1),
      eps: new D(10).pow(-work),
    });
    cache.set(key, ctx);
  }
  return ctx;
}
