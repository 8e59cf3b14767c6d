import { defineConfig } from 'vitest/config';

// Browser tests start the real chatflow binary and drive Debian's Chromium through
// playwright-core. They share machine resources, so files run one after another
// with generous timeouts.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
    retry: 0,
  },
});
