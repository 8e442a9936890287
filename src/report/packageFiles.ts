/**
 * Files of the hasme-verify package read by the report: its package.json (version) and
 * spec/claims.json (the tests that check each claim), found at the package root (packageRoot.ts).
 */
import { readFileSync } from 'node:fs';
import type { ClaimId } from '../claims/types.js';
import { packageRoot } from '../packageRoot.js';

function readJson(path: string): unknown {
  const root = packageRoot();
  return root ? JSON.parse(readFileSync(new URL(path, root), 'utf8')) : null;
}

/** Version of the hasme-verify package ('unknown' if its package.json cannot be found). */
export function packageVersion(): string {
  const pkg = readJson('package.json') as { version?: unknown } | null;
  return typeof pkg?.version === 'string' ? pkg.version : 'unknown';
}

/** A vitest test that checks a claim (spec/claims.json `tests`). */
export interface ClaimTest {
  file: string;
  test: string;
}

/** The tests listed per claim in spec/claims.json; empty if the file is missing or unreadable. */
export function claimTests(): Partial<Record<ClaimId, ClaimTest[]>> {
  try {
    const spec = readJson('spec/claims.json') as { claims?: { id: ClaimId; tests?: ClaimTest[] }[] } | null;
    const out: Partial<Record<ClaimId, ClaimTest[]>> = {};
    for (const c of spec?.claims ?? []) {
      const tests = (c.tests ?? []).filter((t) => typeof t.file === 'string' && typeof t.test === 'string');
      if (tests.length) out[c.id] = tests.map((t) => ({ file: t.file, test: t.test }));
    }
    return out;
  } catch {
    return {};
  }
}
