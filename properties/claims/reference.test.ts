/**
 * Exact claims at the reference level (issue #2 item 4, issue #4 item 3): C1, C2, C3, C11, C12,
 * C13 against the 50-digit decimal reference; tolerances in properties/claims/tolerance.ts.
 */
import { describe, it } from 'vitest';
import { referenceImpl } from '../impl.js';
import { makeC1 } from './C1.js';
import { makeC2 } from './C2.js';
import { makeC3 } from './C3.js';
import { makeC11 } from './C11.js';
import { makeC12 } from './C12.js';
import { makeC13 } from './C13.js';
import { expectHolds } from './testing.js';

const ref = referenceImpl();

describe('claims at the reference (50 digits)', () => {
  it('C1: HA-SME and SPF means equal SGD’s at t = kη in R and X (40 digits)', async () => {
    await expectHolds(makeC1(ref), 30, ['R', 'X', 'commuting', 'noncommuting']);
  });
  it('C2: one-step pseudo-covariance is η²Σ and Σ̃ solves the Stein equation (R, X)', async () => {
    await expectHolds(makeC2(ref), 30, ['R', 'X', 'noncommuting']);
  });
  it('C3: pseudo-covariance equals SGD’s C_k up to k = 1000 and Wick moments of degree ≤ 4 agree (R, X)', async () => {
    await expectHolds(makeC3(ref), 40, ['R', 'X', 'k=1000', 'noncommuting']);
  });
  it('C11: small-η expansions of T and Σ̃ have O(η³) residuals; drift matches SME-2 to O(η²)', async () => {
    await expectHolds(makeC11(ref), 15, ['R', 'noncommuting']);
  });
  it('C12: equivariance, eigenbasis independence, symmetry and linearity of Σ̃ at the reference', async () => {
    await expectHolds(makeC12(ref), 40, ['R', 'X', 'signed permutation', 'repeated']);
  });
  it('C13: eigenbasis and Stein-equation routes give the same Σ̃; Stein raises at m_i m_j = 1', async () => {
    await expectHolds(makeC13(ref), 25, ['R', 'X', 'removable', 'stein-singular']);
  });
});
