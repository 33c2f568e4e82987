import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{common,drivers,devices-sim,main,renderer,test,bench}/**/*.{test,spec}.{ts,tsx}'],
    exclude: ['node_modules/**', 'dist/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Device, socket and browser tests share the machine's two cores; keep the pool small.
    maxWorkers: 2,
  },
});
