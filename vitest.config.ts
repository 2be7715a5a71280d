import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Node resolves chrono-node's locale entries through its exports pattern; Vite's resolver does not
    alias: { 'chrono-node/en': fileURLToPath(new URL('./node_modules/chrono-node/dist/esm/locales/en/index.js', import.meta.url)) },
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // the store and API suites share the one PostgreSQL test database and empty it first
    fileParallelism: false,
  },
});
