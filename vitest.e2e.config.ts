import { defineConfig } from 'vitest/config';

/**
 * Browser tests (`npm run test:e2e`): Debian's Chromium against the real entry points. Kept out of
 * `npm test` (whose config only picks up `*.test.ts`) because they need /usr/bin/chromium.
 */
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    pool: 'forks',
    // One browser and one gateway at a time: the machine has two cores.
    fileParallelism: false,
  },
});
