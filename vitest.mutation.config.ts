import { defineConfig } from 'vitest/config';

// The in-process test set Stryker runs against each mutant (`npm run mutation`, see README
// "Mutation testing"). Mutants live in memory, so tests that spawn the CLI cannot see them and are
// left out; the ones below call the mutated modules (reference/, src/library, src/numerics,
// src/linalg) directly. Stryker runs the covering tests once per mutant, so the set leaves out the
// slowest files (the generated differential test, ~30 s, and the vector generator's tests): the
// score it measures is a lower bound for the whole suite (spec/mutation.md). The property tests run
// at HASME_RUNS = 30 (unless set): fast-check draws the same sequence for a seed, so the 30 cases
// are a prefix of the default budget's and the score stays a lower bound, at a fraction of the time.
export default defineConfig({
  test: {
    include: [
      'reference/**/*.test.ts',
      'src/library/**/*.test.ts',
      'src/numerics/**/*.test.ts',
      'src/linalg/**/*.test.ts',
      'properties/claims/*.test.ts',
      'test/differential.vectors.test.ts',
      'test/edges.test.ts',
      'test/condition.test.ts',
      'test/psdBand.test.ts',
      'test/libraryEdges.test.ts',
    ],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { HASME_RUNS: process.env.HASME_RUNS ?? '30' },
  },
});
