/**
 * JSON problem files for `hasme weak` and `hasme escape` (spec/weak.md): parsing and
 * validation. Every defect raises HasmeInputError naming the field: malformed JSON ('parse'),
 * wrong kinds or models ('unsupported'), ragged or mismatched shapes ('shape'), non-numbers
 * ('non-finite'), asymmetric matrices ('not-symmetric'), a non-PSD Σ ('not-psd'), bad step
 * sizes ('eta').
 */
import { Decimal } from 'decimal.js';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { HasmeInputError } from '../errors.js';
import { SDE_MODELS, type SdeModel } from '../formats/types.js';
import { stepsOf } from './steps.js';
import type {
  Dec,
  DecMatrix,
  DecVector,
  FiniteSumProblem,
  OneDimProblem,
  Problem,
  QuadraticProblem,
  QuadraticTest,
  SaddleProblem,
  TwoDimProblem,
} from './types.js';

/** Largest dimension the exact engines accept (their ODE has size d + d² + 1). */
export const MAX_DIM = 8;

/** Longest escape curve: every step is a Decimal matrix–vector product of size d + d² + 1. */
export const MAX_ESCAPE_STEPS = 20_000;

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const Exact = Decimal.clone({ precision: 120, minE: -9e15, maxE: 9e15 });

type Json = Record<string, unknown>;

function field(obj: Json, key: string, where: string): unknown {
  if (!(key in obj)) throw new HasmeInputError('parse', `${where}: missing field "${key}"`);
  return obj[key];
}

/** A real scalar (JSON number or decimal string) as a decimal string. */
export function parseDec(v: unknown, where: string): Dec {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new HasmeInputError('non-finite', `${where}: ${v} is not finite`);
    return String(v);
  }
  if (typeof v === 'string' && DECIMAL.test(v.trim())) {
    // The engines meet every value in double precision too (grids, eigenvalue checks): a value
    // beyond double range is refused here, by name, rather than overflowing deep inside.
    if (new Exact(v.trim()).abs().gt(Number.MAX_VALUE)) throw new HasmeInputError('non-finite', `${where}: ${v.trim()} is beyond double range (±1.8e308)`);
    return v.trim();
  }
  throw new HasmeInputError('non-finite', `${where}: ${JSON.stringify(v) ?? String(v)} is not a real number`);
}

/** Refuses a list with an entry given twice (equal `key`: the value as a number, or the name). */
function requireDistinct(values: readonly string[], where: string, key: (v: string) => string): void {
  const first = new Map<string, number>();
  values.forEach((v, i) => {
    const j = first.get(key(v));
    if (j !== undefined) throw new HasmeInputError('parse', `${where}[${i}] = ${v} repeats ${where}[${j}]: give each value once`);
    first.set(key(v), i);
  });
}

function parseVector(v: unknown, where: string, length?: number): DecVector {
  if (!Array.isArray(v) || v.length === 0) throw new HasmeInputError('shape', `${where}: expected a non-empty array`);
  if (length !== undefined && v.length !== length) {
    throw new HasmeInputError('shape', `${where}: expected length ${length}, got ${v.length}`);
  }
  return v.map((x, i) => parseDec(x, `${where}[${i}]`));
}

function parseSquare(m: unknown, where: string, d?: number): DecMatrix {
  if (!Array.isArray(m) || m.length === 0) throw new HasmeInputError('shape', `${where}: expected a non-empty matrix`);
  const n = d ?? m.length;
  if (m.length !== n) throw new HasmeInputError('shape', `${where}: expected ${n} rows, got ${m.length}`);
  if (n > MAX_DIM) throw new HasmeInputError('unsupported', `${where}: dimension ${n} exceeds ${MAX_DIM}`);
  return m.map((row, i) => parseVector(row, `${where}[${i}]`, n));
}

function checkSymmetric(m: DecMatrix, where: string): void {
  for (let i = 0; i < m.length; i++) {
    for (let j = 0; j < i; j++) {
      if (!new Exact(m[i][j]).eq(m[j][i])) {
        throw new HasmeInputError('not-symmetric', `${where}[${i}][${j}] = ${m[i][j]} differs from ${where}[${j}][${i}] = ${m[j][i]}`);
      }
    }
  }
}

/**
 * Σ must be PSD: smallest eigenvalue (double precision) ≥ −8 d ε ‖Σ‖_F, the backward error of
 * the symmetric eigensolver, so exactly singular inputs like [[1,1],[1,1]] pass.
 */
function checkPsd(m: DecMatrix, where: string): void {
  const a = new Matrix(m.map((row) => row.map(Number)));
  const eig = new EigenvalueDecomposition(a, { assumeSymmetric: true });
  const lmin = Math.min(...eig.realEigenvalues);
  const tol = 8 * m.length * Number.EPSILON * a.norm('frobenius');
  if (lmin < -tol) throw new HasmeInputError('not-psd', `${where} has eigenvalue ${lmin.toExponential(3)} < 0`, { eigenvalue: lmin });
}

function parseModels(v: unknown, where: string): SdeModel[] {
  if (v === undefined) return [...SDE_MODELS];
  if (!Array.isArray(v) || v.length === 0) throw new HasmeInputError('parse', `${where}: expected a non-empty array of models`);
  const models = v.map((m) => {
    if (typeof m !== 'string' || !(SDE_MODELS as readonly string[]).includes(m)) {
      throw new HasmeInputError('unsupported', `${where}: unknown model ${JSON.stringify(m)} (expected ${SDE_MODELS.join(', ')})`);
    }
    return m as SdeModel;
  });
  requireDistinct(models, where, (m) => m);
  return models;
}

function parseSchedule(obj: Json): { T: Dec; etas: Dec[]; models: SdeModel[] } {
  const T = parseDec(field(obj, 'T', 'problem'), 'T');
  const raw = field(obj, 'etas', 'problem');
  if (!Array.isArray(raw) || raw.length === 0) throw new HasmeInputError('parse', 'etas: expected a non-empty array');
  const etas = raw.map((e, i) => parseDec(e, `etas[${i}]`));
  for (const eta of etas) stepsOf(T, eta);
  requireDistinct(etas, 'etas', (e) => new Exact(e).toString());
  return { T, etas, models: parseModels(obj.models, 'models') };
}

function parseTest(v: unknown, d: number): QuadraticTest {
  if (typeof v !== 'object' || v === null) throw new HasmeInputError('parse', 'test: expected {"W": M, "w": V}');
  const t = v as Json;
  const W = parseSquare(field(t, 'W', 'test'), 'test.W', d);
  return { W, w: parseVector(field(t, 'w', 'test'), 'test.w', d) };
}

/** H (symmetric) and Σ (symmetric PSD, same size) of a quadratic or saddle problem. */
function parseHessianAndNoise(obj: Json) {
  const H = parseSquare(field(obj, 'H', 'problem'), 'H');
  const d = H.length;
  checkSymmetric(H, 'H');
  const Sigma = parseSquare(field(obj, 'Sigma', 'problem'), 'Sigma', d);
  checkSymmetric(Sigma, 'Sigma');
  checkPsd(Sigma, 'Sigma');
  return { H, Sigma, d };
}

function parseQuadratic(obj: Json): QuadraticProblem {
  const { H, Sigma, d } = parseHessianAndNoise(obj);
  const x0 = parseVector(field(obj, 'x0', 'problem'), 'x0', d);
  return { kind: 'quadratic', H, Sigma, x0, ...parseSchedule(obj), test: parseTest(field(obj, 'test', 'problem'), d) };
}

function parseFiniteSum(obj: Json): FiniteSumProblem {
  const rawA = field(obj, 'A', 'problem');
  if (!Array.isArray(rawA) || rawA.length === 0) throw new HasmeInputError('shape', 'A: expected a non-empty array of matrices');
  const A = rawA.map((m, i) => parseSquare(m, `A[${i}]`, i === 0 ? undefined : rawA[0].length));
  A.forEach((m, i) => checkSymmetric(m, `A[${i}]`));
  const d = A[0].length;
  const rawC = field(obj, 'c', 'problem');
  if (!Array.isArray(rawC) || rawC.length !== A.length) {
    throw new HasmeInputError('shape', `c: expected ${A.length} vectors, one per A_i`);
  }
  const c = rawC.map((v, i) => parseVector(v, `c[${i}]`, d));
  const x0 = parseVector(field(obj, 'x0', 'problem'), 'x0', d);
  return { kind: 'finite-sum', A, c, x0, ...parseSchedule(obj), test: parseTest(field(obj, 'test', 'problem'), d) };
}

function parseSaddle(obj: Json): SaddleProblem {
  const { H, Sigma, d } = parseHessianAndNoise(obj);
  const eta = parseDec(field(obj, 'eta', 'problem'), 'eta');
  if (!new Exact(eta).isPositive() || new Exact(eta).isZero()) throw new HasmeInputError('eta', `eta must be positive, got ${eta}`);
  const radius = parseDec(field(obj, 'radius', 'problem'), 'radius');
  if (!new Exact(radius).gt(0)) throw new HasmeInputError('parse', `radius must be positive, got ${radius}`);
  const steps = field(obj, 'steps', 'problem');
  if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 1 || steps > MAX_ESCAPE_STEPS) {
    throw new HasmeInputError('parse', `steps must be an integer in [1, ${MAX_ESCAPE_STEPS}], got ${JSON.stringify(steps)}`);
  }
  return {
    kind: 'saddle', H, Sigma, eta, radius, steps,
    x0: parseVector(field(obj, 'x0', 'problem'), 'x0', d),
    models: parseModels(obj.models, 'models'),
  };
}

function parsePositive(v: unknown, where: string): Dec {
  const s = parseDec(v, where);
  if (!new Exact(s).gt(0)) throw new HasmeInputError('parse', `${where} must be positive, got ${s}`);
  return s;
}

function parseOneDim(obj: Json): OneDimProblem {
  const f = field(obj, 'f', 'problem');
  if (f !== 'logcosh' && f !== 'cos') throw new HasmeInputError('unsupported', `f: expected "logcosh" or "cos", got ${JSON.stringify(f)}`);
  const t = (obj.test ?? {}) as Json;
  if (typeof t !== 'object' || t === null) throw new HasmeInputError('parse', 'test: expected {"center", "width"}');
  return {
    kind: 'oned', f,
    lambda: parsePositive(field(obj, 'lambda', 'problem'), 'lambda'),
    sigma: parsePositive(field(obj, 'sigma', 'problem'), 'sigma'),
    x0: parseDec(field(obj, 'x0', 'problem'), 'x0'),
    ...parseSchedule(obj),
    test: { center: parseDec(t.center ?? '0', 'test.center'), width: parsePositive(t.width ?? '1', 'test.width') },
  };
}

/** Most ridges of a 2-D objective. */
export const MAX_RIDGES = 8;

/**
 * A 2-D problem (C22, spec/weak.md §11): ridges λ_k > 0 with a_k ≠ 0, μ ≥ 0, Σ 2×2 symmetric
 * positive definite (Σ ≻ 0: the engine factors it), x0 and test.center of length 2.
 */
function parseTwoDim(obj: Json): TwoDimProblem {
  const raw = field(obj, 'ridges', 'problem');
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_RIDGES) throw new HasmeInputError('shape', `ridges: expected 1..${MAX_RIDGES} ridges {"a": [a1, a2], "lambda": λ}`);
  const ridges = raw.map((r, k) => {
    if (typeof r !== 'object' || r === null) throw new HasmeInputError('parse', `ridges[${k}]: expected {"a": [a1, a2], "lambda": λ}`);
    const a = parseVector(field(r as Json, 'a', `ridges[${k}]`), `ridges[${k}].a`, 2);
    if (a.every((x) => new Exact(x).isZero())) throw new HasmeInputError('parse', `ridges[${k}].a must be non-zero`);
    return { a, lambda: parsePositive(field(r as Json, 'lambda', `ridges[${k}]`), `ridges[${k}].lambda`) };
  });
  const mu = parseDec(field(obj, 'mu', 'problem'), 'mu');
  if (new Exact(mu).isNegative()) throw new HasmeInputError('parse', `mu must be ≥ 0 (f convex), got ${mu}`);
  const Sigma = parseSquare(field(obj, 'Sigma', 'problem'), 'Sigma', 2);
  checkSymmetric(Sigma, 'Sigma');
  checkPsd(Sigma, 'Sigma');
  const [s11, s12, s22] = [Sigma[0][0], Sigma[0][1], Sigma[1][1]].map((x) => new Exact(x));
  if (!s11.gt(0) || !s11.times(s22).minus(s12.times(s12)).gt(0)) throw new HasmeInputError('not-psd', 'Sigma must be positive definite (det > 0) for the 2-D engine');
  const t = field(obj, 'test', 'problem');
  if (typeof t !== 'object' || t === null) throw new HasmeInputError('parse', 'test: expected {"center": [c1, c2], "width": w}');
  return {
    kind: 'twod',
    ridges,
    mu,
    Sigma,
    x0: parseVector(field(obj, 'x0', 'problem'), 'x0', 2),
    ...parseSchedule(obj),
    test: { center: parseVector(field(t as Json, 'center', 'test'), 'test.center', 2), width: parsePositive(field(t as Json, 'width', 'test'), 'test.width') },
  };
}

/** Validates a parsed JSON value as a problem (any kind). */
export function parseProblem(value: unknown): Problem {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new HasmeInputError('parse', 'problem: expected a JSON object');
  const obj = value as Json;
  switch (obj.kind) {
    case 'quadratic':
      return parseQuadratic(obj);
    case 'finite-sum':
      return parseFiniteSum(obj);
    case 'saddle':
      return parseSaddle(obj);
    case 'oned':
      return parseOneDim(obj);
    case 'twod':
      return parseTwoDim(obj);
    default:
      throw new HasmeInputError('unsupported', `kind: expected quadratic, finite-sum, saddle, oned or twod, got ${JSON.stringify(obj.kind)}`);
  }
}

/** Parses problem-file text (JSON). */
export function parseProblemText(text: string): Problem {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new HasmeInputError('parse', `problem file is not valid JSON: ${(err as Error).message}`);
  }
  return parseProblem(value);
}
