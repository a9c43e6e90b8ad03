import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql 16 ships index.js and index.mjs without an exports map; without this alias vitest
  // loads both and Pothos fails with "Cannot use GraphQLObjectType from another module or realm".
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // Files and the tests in each run in a random order, so a test that leans on another's
    // leftovers fails here rather than later. The seed is printed at the top of the run
    // ("Running tests with seed ..."); replay an order with `npx vitest run --sequence.seed=<seed>`.
    sequence: { shuffle: true },
  },
});
