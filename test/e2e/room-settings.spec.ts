import { expect, test } from '@playwright/test';
import { startHost, tempDir, type RunningHost } from './web-host';

// Issue 8 item 4: the caps of rooms this user hosts and the guest-run settings are in the
// Settings view, explained, checked before they are saved, and kept (SQLite) across a reload.

let host: RunningHost;
let data: ReturnType<typeof tempDir>;

test.beforeAll(async () => {
  data = tempDir('cc-e2e-room-settings-');
  host = await startHost(data.dir, { CODECRAFTER_SANDBOX_WARM: 'none' });
});

test.afterAll(async () => {
  await host?.stop();
  data?.cleanup();
});

test('room caps and guest runs are set in Settings, validated and kept', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('region', { name: 'Settings' });
  const files = settings.getByLabel('Most files members may add per room');
  const megabytes = settings.getByLabel('Most megabytes members may write per room');
  const guestRuns = settings.getByRole('checkbox', { name: 'Guests may run code' });
  const perMinute = settings.getByLabel('Runs per member per minute');
  await expect(files).toHaveValue('2000');
  await expect(megabytes).toHaveValue('50');
  await expect(guestRuns).toBeChecked();
  await expect(perMinute).toHaveValue('6');
  await expect(settings.getByLabel('Runs per member at once')).toHaveValue('1');
  await expect(guestRuns).toHaveAccessibleDescription(/never unsandboxed/);
  await expect(files).toHaveAccessibleDescription(/up to these limits per room/);

  // Out of range: said, and not saved.
  await files.fill('0');
  await expect(settings.getByRole('alert')).toHaveText('A whole number from 1 to 100000.');
  await files.fill('300');
  await megabytes.fill('20');
  await perMinute.fill('3');
  await guestRuns.focus();
  await page.keyboard.press('Space');
  await expect(guestRuns).not.toBeChecked();
  await expect(perMinute).toBeDisabled();

  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(files).toHaveValue('300');
  await expect(megabytes).toHaveValue('20');
  await expect(perMinute).toHaveValue('3');
  await expect(guestRuns).not.toBeChecked();
  await expect(settings.getByRole('checkbox', { name: 'Offer my network (LAN) first when sharing' })).not.toBeChecked();
});
