/**
 * The claim × bug matrix (spec/claims.md "Claim × bug matrix"): every check C1–C13 catches at least
 * one injected bug, each bug is caught by the claims it lists, the unbroken implementations are
 * caught by none, and the table committed in spec/claims.md is the one `npm run claims:matrix`
 * generates (small fixed budget and seed, so the test is cheap and cannot drift).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLAIM_IDS } from '../src/claims/types.js';
import { BUGS } from './bugs.js';
import { bugMatrix, renderMatrix, spliceMatrix, type MatrixRow } from './bugMatrix.js';

const specText = () => readFileSync(new URL('../spec/claims.md', import.meta.url), 'utf8');
let rows: MatrixRow[];

describe('claim × bug matrix', () => {
  // ≈ 10 s of CPU; the timeout is a safety net for a loaded machine.
  beforeAll(async () => {
    rows = await bugMatrix();
  }, 900_000);

  it('C1–C13: the unbroken reference and library are caught by no check', () => {
    expect(rows[0].caught).toEqual([]);
  });

  it('C1–C13: every claim check catches at least one injected bug', () => {
    for (const id of CLAIM_IDS.slice(0, 13)) expect(rows.some((r) => r.caught.includes(id)), `no bug caught by ${id}`).toBe(true);
  });

  it('C1–C13: every bug is caught by the claims it lists', () => {
    for (const [i, b] of BUGS.entries()) expect(rows[i + 1].caught, b.id).toEqual(expect.arrayContaining(b.claims));
  });

  it('C1–C13: the matrix committed in spec/claims.md is the generated one (npm run claims:matrix)', () => {
    const text = specText();
    expect(spliceMatrix(text, renderMatrix(rows))).toBe(text);
  });
});
