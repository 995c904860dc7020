import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { startHost, tempDir, type RunningHost } from './web-host';

// Issue 11: error notices are keyed by their cause and go away once the cause is gone, instead of
// piling up until the user dismisses each. Docker is reached through a socket this test controls,
// which forwards to the real dockerd once "Docker starts".

let host: RunningHost;
let data: ReturnType<typeof tempDir>;
let socketDir: ReturnType<typeof tempDir>;
let proxy: net.Server | undefined;
const socketPath = () => path.join(socketDir.dir, 'docker.sock');

test.beforeAll(async () => {
  data = tempDir('cc-e2e-notices-');
  socketDir = tempDir('cc-e2e-docker-');
  host = await startHost(data.dir, { DOCKER_HOST: `unix://${socketPath()}` });
});

test.afterAll(async () => {
  await host?.stop();
  await new Promise<void>((resolve) => (proxy ? proxy.close(() => resolve()) : resolve()));
  socketDir?.cleanup();
  data?.cleanup();
});

/** Docker "starts": a socket at DOCKER_HOST that forwards every connection to the real engine. */
function startDockerProxy(): Promise<net.Server> {
  const server = net.createServer((client) => {
    const engine = net.connect('/var/run/docker.sock');
    client.pipe(engine).pipe(client);
    const close = () => (client.destroy(), engine.destroy());
    client.on('error', close);
    engine.on('error', close);
  });
  return new Promise((resolve) => server.listen(socketPath(), () => resolve(server)));
}

test('a notice stays while its cause holds, once per cause, and goes away when the cause clears', async ({ page }) => {
  await page.goto(host.url);

  // Docker is not running: one notice, and it leaves by itself when Docker answers.
  const dockerNotice = page.locator('.toasts').getByText('Docker is not running');
  await expect(dockerNotice).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Sandbox state' })).toHaveText('Docker unavailable');

  // A folder that does not exist: asking twice shows one notice, not two.
  const missing = path.join(data.dir, 'later');
  const folderField = page.getByLabel('Folder path on this machine');
  const folderNotice = page.getByRole('alert').filter({ hasText: 'Cannot open folder' });
  await folderField.fill(missing);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(folderNotice).toHaveCount(1);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await page.waitForTimeout(500);
  await expect(folderNotice).toHaveCount(1);

  // The folder appears: opening it succeeds and its notice goes, without anyone dismissing it.
  mkdirSync(missing);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('tree', { name: 'Files' })).toBeVisible();
  await expect(folderNotice).toHaveCount(0);

  proxy = await startDockerProxy();
  await expect(page.getByRole('button', { name: 'Sandbox state' })).not.toHaveText('Docker unavailable', { timeout: 30_000 });
  await expect(dockerNotice).toHaveCount(0);
});
