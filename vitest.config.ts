import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // the store and API suites share the one PostgreSQL test database and empty it first
    fileParallelism: false,
  },
});
