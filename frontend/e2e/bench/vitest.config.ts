import path from 'node:path';
import { defineConfig } from 'vitest/config';

// The browser benchmarks: run by `make bench`, never by `make test` (their
// figures depend on the machine). One file at a time, like the e2e tests.
export default defineConfig({
  test: {
    root: path.resolve(import.meta.dirname, '../..'),
    environment: 'node',
    include: ['e2e/bench/**/*.bench.e2e.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 180_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
    retry: 0,
  },
});
