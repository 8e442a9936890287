import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run test:consumer`: the packed package in consumer projects on the lowest and the latest
// fast-check 4.x (registry installs, so kept out of `npm test`).
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    globalSetup: ['test/globalSetup.ts'],
    include: ['test/consumer/*.test.ts'],
    testTimeout: 900_000,
    hookTimeout: 900_000,
  },
});
