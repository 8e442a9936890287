/**
 * The README's pytest example (after `<!-- pytest-example -->`) reads the committed vectors
 * directly: it passes the independent Python implementation (test/fixtures/impls/hasme_impl.py)
 * and fails the same implementation with a planted bug (Σ instead of Σ̃).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_VECTORS_DIR } from '../src/conformance/vectors.js';

const readme = readFileSync('README.md', 'utf8');
const example = /<!-- pytest-example -->\n```python\n([\s\S]*?)```/.exec(readme)?.[1];

describe("README's pytest example over the vectors", () => {
  const dir = mkdtempSync(join(tmpdir(), 'hasme-pytest-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const pytest = (bug: string | null) => {
    writeFileSync(join(dir, 'my_hasme.py'), `import json, hasme_impl\ndef answer(req):\n    return hasme_impl.answer(json.dumps(req), ${bug ? JSON.stringify(bug) : 'None'})\n`);
    const env = { ...process.env, HASME_VECTORS: DEFAULT_VECTORS_DIR, PYTHONPATH: resolve('test/fixtures/impls') };
    return spawnSync('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '--maxfail=1', 'test_hasme_vectors.py'], { cwd: dir, env, encoding: 'utf8' });
  };

  it('passes the Python fixture on every case and fails it with Σ in place of Σ̃', () => {
    expect(example).toBeDefined();
    writeFileSync(join(dir, 'test_hasme_vectors.py'), example!);
    const good = pytest(null);
    expect(good.status, good.stdout + good.stderr).toBe(0);
    const cases = readFileSync(join(DEFAULT_VECTORS_DIR, 'coefficients.jsonl'), 'utf8').trim().split('\n').length + readFileSync(join(DEFAULT_VECTORS_DIR, 'moments.jsonl'), 'utf8').trim().split('\n').length;
    expect(good.stdout).toMatch(new RegExp(`${cases + 1} passed`));
    const bad = pytest('sigma-not-tilde');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/1 failed/);
  }, 600_000); // ≈ 10 s of CPU; a safety net for a loaded machine
});
