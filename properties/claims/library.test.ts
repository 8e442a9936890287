/**
 * Claims checked with the double library for volume (C1–C4, C12) and the PSD/oscillation claims
 * C5, C6, C8 (issue #4 item 3); tolerances in properties/claims/tolerance.ts and each check's notes.
 */
import { describe, expect, it } from 'vitest';
import { libraryImpl, referenceImpl } from '../impl.js';
import { makeC1 } from './C1.js';
import { makeC2 } from './C2.js';
import { makeC3 } from './C3.js';
import { makeC4 } from './C4.js';
import { makeC5 } from './C5.js';
import { makeC6 } from './C6.js';
import { makeC8 } from './C8.js';
import { makeC12 } from './C12.js';
import { expectHolds } from './testing.js';

const lib = libraryImpl();

describe('claims with the double library', () => {
  it('C1: library means equal SGD’s in R and X', async () => {
    await expectHolds(makeC1(lib), 60, ['R', 'X']);
  });
  it('C2: library one-step covariance and Stein residual (R, X)', async () => {
    await expectHolds(makeC2(lib), 60, ['R', 'X']);
  });
  it('C3: library pseudo-covariance equals SGD’s C_k (R, X, k ≤ 1000)', async () => {
    await expectHolds(makeC3(lib), 100, ['R', 'X', 'k=1000']);
  });
  it('C4: covariance and pseudo-covariance both equal C_k when Σ̃ ⪰ 0 (library, and reference at small budget)', async () => {
    await expectHolds(makeC4(lib), 60, ['commuting', 'noncommuting']);
    await expectHolds(makeC4(referenceImpl()), 8);
  });
  it('C5: commuting pairs give Σ̃ ⪰ 0 in regime R, eigenvalues σ_i φ(2ℓ_i)', async () => {
    await expectHolds(makeC5(lib), 150, ['R', 'commuting', 'repeated', 'clustered', 'rank1']);
  });
  it('C6: no violation of the derived PSD bound; Σ̃ ⪰ 0 at η_F and η_b; measured η₀ ≥ η_b', async () => {
    const out = await expectHolds(makeC6(lib), 50, ['noncommuting', 'PSD lost inside R']);
    expect(out.notes).toMatch(/Tightness η₀\/η_b over \d+ cases/);
    expect(out.notes).toMatch(/grid in \[η_F, η_b\] in (\d+) of \1 cases/);
  });
  it('C8: HA-SME keeps mean and pseudo-covariance, covariance ≥ C_k|ℓ|/|ρ|; witnesses (regime X)', async () => {
    const out = await expectHolds(makeC8(lib), 40, ['X', 'oscillating mode', 'real-OU mean differs (odd k)', 'real-OU mean equal (even k)']);
    expect(out.notes).toMatch(/Smallest HA-SME covariance \/ C_k over \d+ modes: \d/);
  });
  it('C12: equivariance under Haar rotations and signed permutations, linearity (library)', async () => {
    await expectHolds(makeC12(lib), 100, ['Haar rotation', 'signed permutation']);
  });
});
