/**
 * vectors/manifest.json: the header of the vector set, as a sidecar so that the JSON Lines files
 * stay one case per line for every existing reader (spec/vectors.md §Manifest). It names the
 * generator (package version, seed, digits), counts per file (cases, ops, models, singular cases,
 * cases with their own rtol, tags), each file's SHA-256, and what every tag means.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { vectorFiles } from '../conformance/vectors.js';
import { writeFileAtomicSync } from '../io/atomicWrite.js';
import type { VectorLine } from '../formats/types.js';
import { packageVersion } from '../report/packageFiles.js';
import { EMITTED_DIGITS, VECTOR_DIGITS } from './generate.js';

export const MANIFEST_FILE = 'manifest.json';

/** What each tag means (spec/vectors.md §Tags). */
export const TAG_MEANINGS: Readonly<Record<string, string>> = {
  R: 'regime R of (H, η), computed by the reference: every m_i = 1 − ηa_i > 0',
  X: 'regime X: some m_i < 0 and no singularity',
  S: 'regime S: singular (some m_i = 0, or m_i m_j = 1 with both negative)',
  commuting: 'HΣ = ΣH by construction',
  noncommuting: 'HΣ ≠ ΣH',
  repeated: 'H has an exactly repeated eigenvalue',
  clustered: 'two eigenvalues of H differ by 1e-8 … 1e-30',
  'negative-curvature': 'H has a negative eigenvalue',
  'tiny-eta': 'η·max|a_i| ≤ 1e-4',
  'near-singular': 'within 1e-4 … 1e-12 of the singular set',
  removable: 'm_i m_j = 1 with both positive, exactly or within 1e-4 … 1e-10 (C10)',
  'rank-deficient': 'Σ is singular',
  'zero-eigenvalue': 'H has an eigenvalue 0',
  sgd: 'moments of SGD',
  sme1: 'model SME-1',
  sme2: 'model SME-2',
  spf: 'model SPF',
  hasme: 'model HA-SME',
  'psd-borderline': 'regime-R HA-SME moments case where double precision cannot decide Σ̃ ⪰ 0: cov null or the covariance of the nearby PSD problem are both accepted',
};

export interface VectorFileSummary {
  cases: number;
  ops: Record<string, number>;
  models: Record<string, number>;
  /** Cases whose expected answer is the `singular` error. */
  singular: number;
  /** Cases carrying their own (larger) rtol. */
  withRtol: number;
  tags: Record<string, number>;
  sha256: string;
}

export interface VectorManifest {
  format: 'hasme-verify conformance vectors';
  generator: { package: 'hasme-verify'; version: string; command: string; seed: number; digits: number; emittedDigits: number };
  files: Record<string, VectorFileSummary>;
  tags: Record<string, string>;
}

function count(into: Record<string, number>, key: string): void {
  into[key] = (into[key] ?? 0) + 1;
}

/** Keys in code-unit order (locale-independent, so the file is byte-identical everywhere). */
function sorted(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Summary of one vector file's text (one JSON object per line). */
export function summarizeVectorFile(text: string): VectorFileSummary {
  const ops: Record<string, number> = {};
  const models: Record<string, number> = {};
  const tags: Record<string, number> = {};
  let cases = 0;
  let singular = 0;
  let withRtol = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const v = JSON.parse(line) as VectorLine;
    cases++;
    count(ops, v.op);
    count(models, v.model ?? 'hasme'); // the protocol's default model (spec/protocol.md)
    for (const t of v.tags) count(tags, t);
    if ('error' in v.expected) singular++;
    if (v.rtol !== undefined) withRtol++;
  }
  return { cases, ops: sorted(ops), models: sorted(models), singular, withRtol, tags: sorted(tags), sha256: createHash('sha256').update(text).digest('hex') };
}

/** The manifest of the .jsonl files in `dir`, generated with `seed`. */
export function buildManifest(dir: string, seed: number): VectorManifest {
  const files: Record<string, VectorFileSummary> = {};
  for (const file of vectorFiles(dir)) files[basename(file)] = summarizeVectorFile(readFileSync(file, 'utf8'));
  const used = new Set(Object.values(files).flatMap((f) => Object.keys(f.tags)));
  const unknown = [...used].filter((t) => !(t in TAG_MEANINGS));
  if (unknown.length) throw new Error(`vectors: tags without a meaning in TAG_MEANINGS: ${unknown.join(', ')}`);
  return {
    format: 'hasme-verify conformance vectors',
    generator: { package: 'hasme-verify', version: packageVersion(), command: 'hasme vectors', seed, digits: VECTOR_DIGITS, emittedDigits: EMITTED_DIGITS },
    files,
    tags: Object.fromEntries(Object.entries(TAG_MEANINGS).filter(([t]) => used.has(t))),
  };
}

/** Writes `dir`/manifest.json atomically; returns its path. */
export function writeManifest(dir: string, seed: number): string {
  const path = join(dir, MANIFEST_FILE);
  writeFileAtomicSync(path, `${JSON.stringify(buildManifest(dir, seed), null, 2)}\n`);
  return path;
}
