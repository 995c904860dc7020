import { defineConfig } from 'vitest/config';

// Unit tests sit beside their code (*.test.ts); integration tests (real Docker, real SQLite,
// real ptys, real redis-server) live in test/integration. Playwright owns test/e2e.
export default defineConfig({
  test: {
    include: ['{common,main,signal,renderer,preload}/**/*.test.ts', 'test/integration/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'dist/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
  },
});
