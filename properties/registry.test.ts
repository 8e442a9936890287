/**
 * The claims registry (src/claims/registry.ts) and its machine-readable twin spec/claims.json agree
 * with the claim IDs of spec/claims.md, and every test spec/claims.json names exists under that name.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLAIM_IDS } from '../src/claims/types.js';
import { CLAIM_CHECKS } from '../src/claims/registry.js';

interface ClaimEntry {
  id: string;
  statement: string;
  conditions: string[];
  source: string;
  tests: { file: string; test: string }[];
  counterexample: string;
}
const spec = JSON.parse(readFileSync(new URL('../spec/claims.json', import.meta.url), 'utf8')) as { claims: ClaimEntry[] };

describe('claims registry', () => {
  it('registers one check per claim, C1–C17 in order', () => {
    expect(CLAIM_CHECKS.map((c) => c.id)).toEqual([...CLAIM_IDS]);
  });

  it('spec/claims.json lists C1–C17 with statement, conditions, source and counterexample', () => {
    expect(spec.claims.map((c) => c.id)).toEqual([...CLAIM_IDS]);
    for (const c of spec.claims) {
      expect(c.statement.length, c.id).toBeGreaterThan(20);
      expect(c.conditions.length, c.id).toBeGreaterThan(0);
      expect(c.source, c.id).toMatch(/paper|derived|measured/);
      expect(c.counterexample.length, c.id).toBeGreaterThan(20);
    }
  });

  it('every test named in spec/claims.json exists in its file, carrying the claim ID', () => {
    for (const c of spec.claims) {
      for (const t of c.tests) {
        const path = new URL(`../${t.file}`, import.meta.url);
        expect(existsSync(path), t.file).toBe(true);
        const text = readFileSync(path, 'utf8');
        expect(text.includes(`it('${t.test}'`), `${c.id}: ${t.file} has no test '${t.test}'`).toBe(true);
        expect(t.test).toMatch(new RegExp(`\\b${c.id}\\b`));
      }
    }
    for (const c of spec.claims.slice(0, 13)) expect(c.tests.length, c.id).toBeGreaterThan(0);
  });

  it('C14–C20, C22 and C23 come from the weak-error engines (src/weak/checks.ts)', () => {
    expect(CLAIM_CHECKS.slice(13, 20).map((c) => c.id)).toEqual(['C14', 'C15', 'C16', 'C17', 'C18', 'C19', 'C20']);
    expect(CLAIM_CHECKS.slice(21).map((c) => c.id)).toEqual(['C22', 'C23']);
    expect(CLAIM_CHECKS.slice(13).every((c) => c.title !== c.id), 'a weak claim fell back to the not-run placeholder').toBe(true);
  });

  it('C21 follows, from the sampling check (src/weak/recovery.ts)', () => {
    expect(CLAIM_CHECKS.slice(20, 21).map((c) => c.id)).toEqual(['C21']);
  });
});
