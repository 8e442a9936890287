/**
 * JSON Schemas of the protocol and of the outputs (spec/schemas/*.json: report.json and the
 * explorer's cell stream too), compiled once with ajv (draft 2020-12).
 * Every shape check of vector lines, requests and responses goes through these schemas; the
 * helpers here only turn ajv's errors into one message naming the field (spec/protocol.md).
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { packagePath } from '../packageRoot.js';

/** Directory holding the schema files (spec/schemas/ at the package root). */
export const SCHEMA_DIR = packagePath('spec/schemas/');

/** The schema files (spec/schemas/<name>.schema.json). */
export const SCHEMA_FILES = ['common', 'request', 'response', 'vector', 'expect', 'report', 'explore'] as const;

/** Validators: whole lines, and the result shape of each op (`response#/$defs/<op result>`). */
const TARGETS = {
  request: 'request.schema.json',
  response: 'response.schema.json',
  vector: 'vector.schema.json',
  coefficients: 'response.schema.json#/$defs/coefficients',
  moments: 'response.schema.json#/$defs/moments',
  samples: 'response.schema.json#/$defs/samples',
  expectRequest: 'expect.schema.json#/$defs/request',
  expectResponse: 'expect.schema.json#/$defs/response',
  report: 'report.schema.json',
  exploreDocument: 'explore.schema.json',
  exploreCell: 'explore.schema.json#/$defs/cell',
  explorePartHeader: 'explore.schema.json#/$defs/partHeader',
} as const;
export type SchemaName = keyof typeof TARGETS;

const BASE_ID = 'https://hasme-verify.dev/schemas/';

function loadSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${SCHEMA_DIR}${name}.schema.json`, 'utf8')) as Record<string, unknown>;
}

let compiled: Map<SchemaName, ValidateFunction> | undefined;

/** The compiled validator of `name` (all compiled once per process, on first use). */
export function validator(name: SchemaName): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({ discriminator: true, allErrors: false, verbose: true, strictSchema: true, strictTypes: false });
    for (const f of SCHEMA_FILES) ajv.addSchema(loadSchema(f));
    compiled = new Map();
    for (const [key, ref] of Object.entries(TARGETS)) {
      const v = ajv.getSchema(BASE_ID + ref);
      if (!v) throw new Error(`schema ${ref} not found in ${SCHEMA_DIR}`);
      compiled.set(key as SchemaName, v);
    }
  }
  return compiled.get(name) as ValidateFunction;
}

/** A JSON Pointer (`/H/0/1`) written as a field path (`H[0][1]`). */
export function fieldPath(pointer: string): string {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let out = '';
  for (const p of parts) out += /^[0-9]+$/.test(p) ? `[${p}]` : out === '' ? p : `.${p}`;
  return out;
}

/** Where a schema violation is and what it is. */
export interface SchemaProblem {
  /** Field path such as `H[0][1]`, `expected.pcov`; '' for the whole object. */
  field: string;
  /** What is wrong, in words (`must be a JSON number or a decimal string`). */
  message: string;
  /** The offending value, when there is one. */
  value?: unknown;
  /** The ajv keyword that failed (`type`, `required`, `enum`, `discriminator`, ...). */
  keyword: string;
}

function describe(e: ErrorObject): string {
  const schema = e.parentSchema as { description?: string } | undefined;
  switch (e.keyword) {
    case 'required':
      return 'is missing';
    case 'discriminator': {
      const p = e.params as { error: string; tagValue?: unknown };
      return p.error === 'tag' ? 'is missing or not a string' : `has unknown value ${JSON.stringify(p.tagValue)}`;
    }
    case 'enum':
    case 'const':
    case 'anyOf':
    case 'oneOf':
    case 'type':
      if (schema?.description) return `must be ${schema.description}`;
      return e.message ?? 'is invalid';
    case 'additionalProperties':
      return 'is not allowed';
    default:
      return e.message ?? 'is invalid';
  }
}

/**
 * The single most useful problem among ajv's errors: the deepest field, and at equal depth the
 * summary error (ajv reports `anyOf` after its branches), whose schema description reads best.
 */
export function firstProblem(errors: readonly ErrorObject[]): SchemaProblem {
  let best: ErrorObject | undefined;
  let bestDepth = -1;
  for (const e of errors) {
    const missing = e.keyword === 'required' ? (e.params as { missingProperty: string }).missingProperty : undefined;
    const depth = e.instancePath.split('/').length + (missing === undefined ? 0 : 1);
    if (depth >= bestDepth) {
      best = e;
      bestDepth = depth;
    }
  }
  const e = best as ErrorObject;
  let pointer = e.instancePath;
  if (e.keyword === 'required') pointer += `/${(e.params as { missingProperty: string }).missingProperty}`;
  if (e.keyword === 'discriminator') pointer += `/${(e.params as { tag: string }).tag}`;
  const problem: SchemaProblem = { field: fieldPath(pointer), message: describe(e), keyword: e.keyword };
  if (e.keyword !== 'required' && e.keyword !== 'discriminator') problem.value = e.data;
  if (e.keyword === 'discriminator') problem.value = (e.params as { tagValue?: unknown }).tagValue;
  return problem;
}

/** Validates `value` against schema `name`: undefined when valid, else the problem found. */
export function schemaProblem(name: SchemaName, value: unknown): SchemaProblem | undefined {
  const validate = validator(name);
  if (validate(value)) return undefined;
  return firstProblem(validate.errors ?? []);
}

/** `field H[0][1] must be ...`, with a short rendering of the offending value. */
export function formatProblem(p: SchemaProblem): string {
  const where = p.field === '' ? 'line' : `field ${p.field}`;
  let got = '';
  if (p.value !== undefined) {
    // String() for numbers: JSON.stringify would print ±Infinity (e.g. a JSON 1e400) as null.
    const s = typeof p.value === 'number' ? String(p.value) : (JSON.stringify(p.value) ?? String(p.value));
    got = ` (got ${s.length > 60 ? `${s.slice(0, 57)}...` : s})`;
  }
  return `${where} ${p.message}${got}`;
}

/**
 * Validates a decoded conformance vector line (spec/schemas/vector.schema.json).
 * @returns undefined when valid, else a message naming the field.
 */
export function vectorLineProblem(value: unknown): string | undefined {
  const p = schemaProblem('vector', value);
  return p && formatProblem(p);
}

/**
 * Validates a decoded response line (spec/schemas/response.schema.json). With `op`, the response
 * must be an error or the result shape of that op (coefficients, moments or samples).
 * @returns undefined when valid, else a message naming the field.
 */
export function responseProblem(value: unknown, op?: 'coefficients' | 'moments' | 'sample'): string | undefined {
  const isError = typeof value === 'object' && value !== null && 'error' in value;
  const p =
    op === undefined || isError
      ? schemaProblem('response', value)
      : (schemaProblem(op === 'sample' ? 'samples' : op, value) ?? schemaProblem('response', value));
  return p && formatProblem(p);
}

/**
 * Validates an `expect` request line of `check --convergence` (spec/schemas/expect.schema.json).
 * @returns undefined when valid, else a message naming the field.
 */
export function expectRequestProblem(value: unknown): string | undefined {
  const p = schemaProblem('expectRequest', value);
  return p && formatProblem(p);
}

/**
 * Validates an answer to an `expect` request: an error, or a finite `value` with a non-negative
 * `stderr` (spec/schemas/expect.schema.json).
 * @returns undefined when valid, else a message naming the field.
 */
export function expectResponseProblem(value: unknown): string | undefined {
  const p = schemaProblem('expectResponse', value);
  return p && formatProblem(p);
}
