import { defineConfig } from '@playwright/test';

// End-to-end tests drive the browser host in Debian's Chromium (never a downloaded browser).
// One worker: the machine has two cores and each test starts its own host.
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: process.env.CODECRAFTER_PLAYWRIGHT_JSON
    ? [['list'], ['json', { outputFile: process.env.CODECRAFTER_PLAYWRIGHT_JSON }]]
    : [['list']],
  use: {
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // WebRTC between pages on loopback (rooms, test/e2e/collab*.spec.ts): host candidates on 127.0.0.1.
        '--allow-loopback-in-peer-connection',
      ],
    },
    trace: 'off',
  },
});
