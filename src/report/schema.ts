/**
 * JSON Schema (draft-07, ajv's default) of report.json, for consumers who gate CI on the report
 * and for the project's own tests. Required: version, seed, runs, claims[{id, status, cases,
 * worstError, notes}]; counterexample optional; the rest (skipped, tolerance, worstRatio, parts,
 * summary, timing, coverage, figures) is extra information.
 */
import { CLAIM_IDS } from '../claims/types.js';

const counterexample = {
  type: 'object',
  required: ['seed', 'description'],
  properties: {
    seed: { type: 'integer' },
    path: { type: 'string' },
    description: { type: 'string' },
    request: { type: 'object' },
  },
} as const;

/** Skipped cases by reason (cases that asserted nothing; not counted in `cases`). */
const skipped = { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } } as const;

/** One implementation's verdict within a claim (reference, library). */
const part = {
  type: 'object',
  required: ['implementation', 'status', 'cases', 'worstError'],
  properties: {
    implementation: { type: 'string' },
    status: { enum: ['holds', 'fails', 'not-run'] },
    cases: { type: 'integer', minimum: 0 },
    skipped,
    tolerance: { type: ['number', 'null'] },
    worstError: { type: ['number', 'null'] },
    worstRatio: { type: ['number', 'null'] },
    counterexample,
  },
} as const;

const claim = {
  type: 'object',
  required: ['id', 'status', 'cases', 'worstError', 'notes'],
  properties: {
    id: { enum: [...CLAIM_IDS] },
    title: { type: 'string' },
    status: { enum: ['holds', 'fails', 'not-run'] },
    /** Cases that asserted the claim. */
    cases: { type: 'integer', minimum: 0 },
    skipped,
    /** The tolerance in the units of worstError; null when it differs per case or per part. */
    tolerance: { type: ['number', 'null'] },
    worstError: { type: ['number', 'null'] },
    /** Worst error/tolerance ratio (< 1 when the claim holds). */
    worstRatio: { type: ['number', 'null'] },
    parts: { type: 'array', items: part },
    counterexample,
    notes: { type: 'string' },
    coverage: { type: 'object', additionalProperties: { type: 'number' } },
    durationMs: { type: 'number', minimum: 0 },
    tests: {
      type: 'array',
      items: { type: 'object', required: ['file', 'test'], properties: { file: { type: 'string' }, test: { type: 'string' } } },
    },
  },
  // A claim holds only if its checks ran (spec/claims.md; issue 4): holds ⇒ cases ≥ 1.
  if: { properties: { status: { const: 'holds' } } },
  then: { properties: { cases: { type: 'integer', minimum: 1 } } },
} as const;

/** The schema of report.json. */
export const REPORT_JSON_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'hasme report',
  type: 'object',
  required: ['version', 'seed', 'runs', 'claims'],
  properties: {
    version: { type: 'string' },
    seed: { type: 'integer' },
    runs: { type: 'integer', minimum: 1 },
    only: { type: 'array', items: { enum: [...CLAIM_IDS] } },
    durationMs: { type: 'number', minimum: 0 },
    node: { type: 'string' },
    summary: {
      type: 'object',
      required: ['total', 'holds', 'fails', 'notRun'],
      properties: { total: { type: 'integer' }, holds: { type: 'integer' }, fails: { type: 'integer' }, notRun: { type: 'integer' } },
    },
    claims: { type: 'array', items: claim },
    figures: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'title', 'file'],
        properties: { name: { type: 'string' }, title: { type: 'string' }, caption: { type: 'string' }, file: { type: 'string' } },
      },
    },
    problems: { type: 'array', items: { type: 'string' } },
  },
} as const;
