/**
 * Where the guarantees stop (issue #4 item 3): C7 rank-deficient counterexample at every η down to
 * 1e-6 (reference, 50 digits), C9 singular set raises at both levels, C10 removable singularity.
 */
import { describe, it } from 'vitest';
import { libraryImpl, referenceImpl } from '../impl.js';
import { makeC7 } from './C7.js';
import { makeC9 } from './C9.js';
import { makeC10 } from './C10.js';
import { expectHolds } from './testing.js';

const ref = referenceImpl();
const lib = libraryImpl();

describe('claims at the boundaries', () => {
  it('C7: rank-1 misaligned Σ gives an indefinite Σ̃ at every η from 1e-1 down to 1e-6', async () => {
    await expectHolds(makeC7(ref), 40, ['eta=0.000001', 'rank1', 'noncommuting']);
  });
  it('C9: singular cases raise HasmeInputError(singular) in the reference and the library; condition grows toward S', async () => {
    await expectHolds(makeC9([ref, lib]), 60, ['S:m=0', 'S:pole-ii', 'S:pole-ij']);
  });
  it('C10: K_ij = 1 at the removable singularity, Σ̃ continuous across it, library accurate near it', async () => {
    await expectHolds(makeC10(ref, lib), 60, ['removable', 'offset=0e+0']);
  });
});
