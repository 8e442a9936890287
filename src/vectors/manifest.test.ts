/**
 * vectors/manifest.json (spec/vectors.md §Manifest) describes the committed vector files: counts,
 * hashes and tag meanings recomputed from the files must equal it, every tag of spec/vectors.md
 * has a meaning, and `hasme vectors --manifest-only` writes it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_VECTORS_DIR } from '../conformance/vectors.js';
import { VECTOR_SEED } from './generate.js';
import { buildManifest, MANIFEST_FILE, TAG_MEANINGS, type VectorManifest } from './manifest.js';

const committed = JSON.parse(readFileSync(join(DEFAULT_VECTORS_DIR, MANIFEST_FILE), 'utf8')) as VectorManifest;
const withoutVersion = (m: VectorManifest) => ({ ...m, generator: { ...m.generator, version: undefined } });

describe('vectors/manifest.json', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hasme-manifest-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('matches the committed vector files (counts, tags, SHA-256), apart from the generator version', () => {
    expect(committed.generator.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(withoutVersion(buildManifest(DEFAULT_VECTORS_DIR, VECTOR_SEED))).toEqual(withoutVersion(committed));
    const total = Object.values(committed.files).reduce((n, f) => n + f.cases, 0);
    const lines = Object.keys(committed.files).map((f) => readFileSync(join(DEFAULT_VECTORS_DIR, f), 'utf8').trim().split('\n').length);
    expect(total).toBe(lines.reduce((a, b) => a + b, 0));
  });

  it('detects a changed file: one edited case changes the hash', () => {
    for (const f of Object.keys(committed.files)) copyFileSync(join(DEFAULT_VECTORS_DIR, f), join(dir, f));
    const file = join(dir, 'coefficients.jsonl');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"eta":"0.599"', '"eta":"0.6"'));
    expect(buildManifest(dir, VECTOR_SEED).files['coefficients.jsonl'].sha256).not.toBe(committed.files['coefficients.jsonl'].sha256);
  });

  it('gives a meaning to every tag of spec/vectors.md and no other', () => {
    const spec = readFileSync('spec/vectors.md', 'utf8');
    const table = spec.slice(spec.indexOf('## Tags'));
    const tags = [...table.matchAll(/^\| (`[^|]+)\|/gm)].flatMap((m) => [...m[1].matchAll(/`([^`]+)`/g)].map((t) => t[1]));
    expect(new Set(tags)).toEqual(new Set(Object.keys(TAG_MEANINGS)));
  });

  it('hasme vectors --manifest-only writes it for the .jsonl files of a directory', () => {
    const r = spawnSync('node', ['bin/hasme.js', 'vectors', '--out', dir, '--manifest-only'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const written = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as VectorManifest;
    expect(written.files['moments.jsonl']).toEqual(committed.files['moments.jsonl']);
    expect(written.generator.seed).toBe(VECTOR_SEED);
  });
});
