import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The app is served from the Go binary (embedded) and from the Wails asset server,
// so asset URLs must be relative: base './'.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test/setup.ts'],
    css: { modules: { classNameStrategy: 'non-scoped' } },
    restoreMocks: true,
    // Room for the 5 s waits of src/test/setup.ts on a busy machine.
    testTimeout: 20_000,
  },
});
