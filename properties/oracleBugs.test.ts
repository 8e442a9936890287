/**
 * Bugs that need more than the claim × bug matrix's 3 cases (properties/bugMatrix.ts) to be caught
 * by the claim they target: C12's eigenbasis-independence property, which draws a repeated
 * eigenvalue in every case, catches a Σ̃ that depends on the eigenvectors chosen inside it. C10's
 * accuracy part takes κ from the reference, so an implementation that reports a huge condition
 * estimate cannot excuse its own error.
 */
import { describe, expect, it } from 'vitest';
import { seed } from './budget.js';
import { BUGS } from './bugs.js';
import { makeC10 } from './claims/C10.js';
import { makeC12 } from './claims/C12.js';
import { C, cnum } from './claims/compare.js';
import { libraryImpl, referenceImpl, type HasmeImpl } from './impl.js';

describe('bugs caught at a larger budget', () => {
  it('C12: catches eigenbasis-dependent (Σ̃ depends on the basis inside a repeated eigenvalue)', async () => {
    const bug = BUGS.find((b) => b.id === 'eigenbasis-dependent')!;
    const out = await makeC12(bug.impl(libraryImpl())).run({ runs: 40, seed: seed() });
    expect(out.status).toBe('fails');
    expect(out.counterexample?.description).toMatch(/repeated|equivariant/);
  });

  it('C10: an error of 1e-9 in Σ̃ is caught although the implementation reports κ = 1e12', async () => {
    const lib = libraryImpl();
    const lying: HasmeImpl = {
      ...lib,
      name: 'library, broken: Σ̃·(1 + 1e-9), κ reported as 1e12',
      coefficients: (H, Sigma, eta, model = 'hasme') => {
        const c = lib.coefficients(H, Sigma, eta, model);
        return model === 'hasme' ? { ...c, diffusion: C.scale(c.diffusion, cnum(1 + 1e-9)) } : c;
      },
      condition: () => 1e12,
    };
    const out = await makeC10(referenceImpl(), lying).run({ runs: 10, seed: seed() });
    expect(out.status).toBe('fails');
    expect(out.counterexample?.description).toMatch(/from the reference/);
  });
});
