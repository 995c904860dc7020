import { defineConfig } from 'vitest/config';

// Unit tests sit beside their code (*.test.ts, *.test.tsx); integration tests (real Docker, real
// SQLite, real ptys, real redis-server) live in test/integration. Playwright owns test/e2e.
export default defineConfig({
  test: {
    include: ['{common,main,signal,renderer,preload}/**/*.test.{ts,tsx}', 'test/integration/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'dist/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    // `npm run coverage`: a summary on the terminal and coverage/coverage-summary.json.
    coverage: {
      provider: 'v8',
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'coverage',
      // A run of the whole suite takes long on a loaded machine; one flaky test must not throw its
      // measurement away (`node scripts/coverage-report.mjs` then still reads the summary).
      reportOnFailure: true,
      include: ['common/**/*.ts', 'main/**/*.ts', 'signal/**/*.ts', 'renderer/**/*.{ts,tsx}'],
      exclude: ['**/*.test.{ts,tsx}', '**/*.d.ts'],
    },
  },
});
