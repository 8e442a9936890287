/**
 * Data formats shared by every part of the project (spec/vectors.md, spec/protocol.md).
 * Types and parsing only: no model code lives here.
 */

/** The models compared with SGD (spec/models.md §1–§2). `sgd` is SGD itself. */
export const MODELS = ['sgd', 'sme1', 'sme2', 'spf', 'hasme'] as const;
export type Model = (typeof MODELS)[number];
/** The SDE models (everything but sgd). */
export type SdeModel = Exclude<Model, 'sgd'>;
export const SDE_MODELS: readonly SdeModel[] = ['sme1', 'sme2', 'spf', 'hasme'];

/** Regimes per step size (spec/models.md §3–§6): R real, X oscillatory, S singular. */
export type Regime = 'R' | 'X' | 'S';

/** A real scalar in JSON: a number or a decimal string ("1e-10", "-0.25"). */
export type RealJSON = number | string;
/** A scalar in JSON: real, or complex as [re, im]. */
export type ScalarJSON = RealJSON | [RealJSON, RealJSON];
export type VectorJSON = ScalarJSON[];
export type MatrixJSON = ScalarJSON[][];
/** Real inputs (H, Σ, x0) never carry complex entries. */
export type RealVectorJSON = RealJSON[];
export type RealMatrixJSON = RealJSON[][];

export type Op = 'coefficients' | 'moments' | 'sample';

interface ProblemFields {
  id: string;
  eta: RealJSON;
  H: RealMatrixJSON;
  Sigma: RealMatrixJSON;
}

export interface CoefficientsRequest extends ProblemFields {
  op: 'coefficients';
  /** Defaults to hasme. */
  model?: SdeModel;
}

export interface MomentsRequest extends ProblemFields {
  op: 'moments';
  model: Model;
  x0: RealVectorJSON;
  steps: number;
}

export interface SampleRequest extends ProblemFields {
  op: 'sample';
  model: Model;
  x0: RealVectorJSON;
  steps: number;
  n: number;
  seed: number;
}

export type Request = CoefficientsRequest | MomentsRequest | SampleRequest;

export interface CoefficientsResult {
  /** T: the SDE is dX = −T∇f dt + sqrt(η Σ̃) dW. */
  drift: MatrixJSON;
  /** Σ̃ (HA-SME) or Σ (other models). */
  diffusion: MatrixJSON;
  /** B = T H (spec/vectors.md): carried by every coefficients vector; optional in a protocol answer (the judge ignores it). */
  driftMatrix?: MatrixJSON;
  regime: Regime;
}

export interface MomentsResult {
  mean: VectorJSON;
  /** Pseudo-covariance E[(X−μ)(X−μ)ᵀ]. */
  pcov: MatrixJSON;
  /** Covariance E[(X−μ)(X−μ)ᴴ]; null where it is not defined (D not real PSD). */
  cov: MatrixJSON | null;
}

export interface ErrorResult {
  error: string;
  message?: string;
}

export type ExpectedResult = CoefficientsResult | MomentsResult | ErrorResult;

/** One line of a conformance vector file (spec/vectors.md). */
export type VectorLine = (CoefficientsRequest | MomentsRequest) & {
  tags: string[];
  claims: string[];
  expected: ExpectedResult;
  /** Per-case relative tolerance for ill-conditioned cases (spec/vectors.md). */
  rtol?: number;
};

export type Response =
  | ({ id: string } & CoefficientsResult)
  | ({ id: string } & MomentsResult)
  | { id: string; samples: number[][] }
  | ({ id: string | null } & ErrorResult);
