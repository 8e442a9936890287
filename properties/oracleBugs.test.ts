/**
 * Bugs that need more than the claim × bug matrix's 3 cases (properties/bugMatrix.ts) to be caught
 * by the claim they target: C12's eigenbasis-independence property, which draws a repeated
 * eigenvalue in every case, catches a Σ̃ that depends on the eigenvectors chosen inside it.
 */
import { describe, expect, it } from 'vitest';
import { seed } from './budget.js';
import { BUGS } from './bugs.js';
import { makeC12 } from './claims/C12.js';
import { libraryImpl } from './impl.js';

describe('bugs caught at a larger budget', () => {
  it('C12: catches eigenbasis-dependent (Σ̃ depends on the basis inside a repeated eigenvalue)', async () => {
    const bug = BUGS.find((b) => b.id === 'eigenbasis-dependent')!;
    const out = await makeC12(bug.impl(libraryImpl())).run({ runs: 40, seed: seed() });
    expect(out.status).toBe('fails');
    expect(out.counterexample?.description).toMatch(/repeated|equivariant/);
  });
});
