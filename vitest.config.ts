import { configDefaults, defineConfig } from 'vitest/config';

// Property suites read HASME_RUNS / HASME_SEED (properties/budget.ts); CI uses the fixed default seed.
// globalSetup compiles dist/ (incrementally) for the tests that spawn the compiled CLI.
export default defineConfig({
  test: {
    globalSetup: ['test/globalSetup.ts'],
    include: ['reference/**/*.test.ts', 'src/**/*.test.ts', 'properties/**/*.test.ts', 'test/**/*.test.ts'],
    // Registry installs of two fast-check versions: `npm run test:consumer`, not `npm test`.
    exclude: [...configDefaults.exclude, 'test/consumer/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
