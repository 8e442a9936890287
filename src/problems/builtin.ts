/**
 * Built-in named problems (`hasme weak --list`): one per claim C14–C17 plus variants. Each is
 * a literal problem-file object run through the same parser as user files, so the built-ins
 * document the file format and cannot drift from it.
 */
import { HasmeInputError } from '../errors.js';
import { parseProblem } from './parse.js';
import type { Problem } from './types.js';

/** η = 0.1/2^j, j = 3..6: the asymptotic range of the quadratic built-ins (local slopes within 0.05). */
const HALVINGS = ['0.0125', '0.00625', '0.003125', '0.0015625'];

/**
 * The 2-D built-ins' schedule (C22): T = 1/2, η = 0.1/2^j, j = 1..4 (regime R: η·(μ + Σλ_k|a_k|²) ≤ 0.11).
 * Coarser than HALVINGS: the 2-D engine's cost grows with the grid, not with 1/η, and these
 * errors stay 10³× above its error estimate.
 */
const TWOD_HALVINGS = ['0.05', '0.025', '0.0125', '0.00625'];

interface Builtin {
  description: string;
  claims: string[];
  file: Record<string, unknown>;
}

const BUILTINS: Record<string, Builtin> = {
  'quad-d3': {
    description: 'additive quadratic, d = 3, non-commuting H and Σ, T = 2',
    claims: ['C14'],
    file: {
      kind: 'quadratic',
      H: [['2', '0.5', '0'], ['0.5', '1', '0.25'], ['0', '0.25', '0.5']],
      Sigma: [['1', '0.3', '0.1'], ['0.3', '0.5', '0'], ['0.1', '0', '0.8']],
      x0: ['1', '-1', '0.5'],
      T: '2',
      etas: HALVINGS,
      test: { W: [['1', '0', '0'], ['0', '1', '0'], ['0', '0', '1']], w: ['0.5', '-0.3', '0.2'] },
    },
  },
  'quad-negcurv': {
    description: 'additive quadratic with a negative eigenvalue (regime R for every η), d = 2, T = 1',
    claims: ['C14'],
    file: {
      kind: 'quadratic',
      H: [['1', '0.3'], ['0.3', '-0.5']],
      Sigma: [['0.6', '0.2'], ['0.2', '0.9']],
      x0: ['0.5', '0.25'],
      T: '1',
      etas: HALVINGS,
      test: { W: [['1', '0.5'], ['0.5', '2']], w: ['0', '1'] },
    },
  },
  'finite-sum-d2n4': {
    description: 'least squares F_i = ½(a_iᵀx − b_i)², d = 2, n = 4 (state-dependent noise), T = 1',
    claims: ['C15'],
    file: {
      kind: 'finite-sum',
      // A_i = a_i a_iᵀ, c_i = b_i a_i with a = (1, .5), (−.5, 1), (1.5, −1), (.5, 2); b = (1, −1, .5, 2).
      A: [
        [['1', '0.5'], ['0.5', '0.25']],
        [['0.25', '-0.5'], ['-0.5', '1']],
        [['2.25', '-1.5'], ['-1.5', '1']],
        [['0.25', '1'], ['1', '4']],
      ],
      c: [['1', '0.5'], ['0.5', '-1'], ['0.75', '-0.5'], ['1', '4']],
      x0: ['1', '-1'],
      T: '1',
      etas: HALVINGS,
      test: { W: [['1', '0'], ['0', '1']], w: ['0', '0'] },
    },
  },
  'saddle-d2': {
    description: 'saddle H with eigenvalues ≈ 0.82, −0.62, start at the saddle, η = 0.05, r = 1',
    claims: ['C16'],
    file: {
      kind: 'saddle',
      H: [['0.5', '0.6'], ['0.6', '-0.3']],
      Sigma: [['1', '0.2'], ['0.2', '0.5']],
      x0: ['0', '0'],
      eta: '0.05',
      radius: '1',
      steps: 200,
    },
  },
  logcosh: {
    description: '1-D f = λ log cosh x (0 < f″ ≤ λ), λ = 2, σ = 1, x0 = 1.5, T = 1',
    claims: ['C17'],
    file: { kind: 'oned', f: 'logcosh', lambda: '2', sigma: '1', x0: '1.5', T: '1', etas: HALVINGS, test: { center: '0.5', width: '1' } },
  },
  cos: {
    description: '1-D f = −λ cos x (|f″| ≤ λ, f″ < 0 for |x| > π/2), λ = 2, σ = 1, x0 = 1, T = 1',
    claims: ['C17'],
    file: { kind: 'oned', f: 'cos', lambda: '2', sigma: '1', x0: '1', T: '1', etas: HALVINGS, test: { center: '0.5', width: '1' } },
  },
  'ridges-d2': {
    description: '2-D f = log cosh(x₁) + log cosh(0.6x₁ + 0.8x₂) + 0.1|x|², Σ = [[1, .3], [.3, .5]] (Hessian eigenbasis rotates along paths), T = 1/2',
    claims: ['C22', 'C23'],
    file: {
      kind: 'twod',
      ridges: [{ a: ['1', '0'], lambda: '1' }, { a: ['0.6', '0.8'], lambda: '1' }],
      mu: '0.2',
      Sigma: [['1', '0.3'], ['0.3', '0.5']],
      x0: ['1', '-0.5'],
      T: '0.5',
      etas: TWOD_HALVINGS,
      test: { center: ['0.3', '0.2'], width: '1' },
    },
  },
  'ridges3-d2': {
    description: '2-D f = 1.5 log cosh(x₂) + log cosh(x₁ − x₂) + 0.5 log cosh(x₁ + 0.5x₂) + 0.05|x|², Σ = [[.4, −.2], [−.2, .8]], T = 1/2 (measured, spec/weak.md §11; not in C22)',
    claims: [],
    file: {
      kind: 'twod',
      ridges: [{ a: ['0', '1'], lambda: '1.5' }, { a: ['1', '-1'], lambda: '1' }, { a: ['1', '0.5'], lambda: '0.5' }],
      mu: '0.1',
      Sigma: [['0.4', '-0.2'], ['-0.2', '0.8']],
      x0: ['-0.8', '0.6'],
      T: '0.5',
      etas: TWOD_HALVINGS,
      test: { center: ['0', '0.3'], width: '0.8' },
    },
  },
};

/** Names, kinds and one-line descriptions of the built-in problems. */
export function listBuiltins(): { name: string; kind: string; claims: string[]; description: string }[] {
  return Object.entries(BUILTINS).map(([name, b]) => ({ name, kind: String(b.file.kind), claims: b.claims, description: b.description }));
}

/** The built-in problem `name`, parsed; HasmeInputError('unsupported') for an unknown name. */
export function builtinProblem(name: string): Problem {
  const b = BUILTINS[name];
  if (!b) throw new HasmeInputError('unsupported', `unknown built-in problem ${JSON.stringify(name)} (see --list)`);
  return parseProblem(structuredClone(b.file));
}
