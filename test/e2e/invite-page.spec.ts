import { expect, test } from '@playwright/test';
import { formatInvite, newRoom, randomToken, SIGNAL_TOKEN_CHARS } from '../../common/invite';
import { startHost, tempDir, type RunningHost } from './web-host';

// Issue 11: the http form of a room invite, opened by someone who is not the host (no token
// cookie), must lead somewhere: a page that says what the link is and how to join, with a
// codecrafter:// link built in the page from the address, so the #secret never reaches a server.

let host: RunningHost;
let data: ReturnType<typeof tempDir>;
const warmBefore = process.env.CODECRAFTER_SANDBOX_WARM;

test.beforeAll(async () => {
  // No sandboxes are needed to show an invite; the setting is put back for the specs that follow.
  process.env.CODECRAFTER_SANDBOX_WARM = 'none';
  data = tempDir('cc-e2e-invite-');
  try {
    host = await startHost(data.dir);
  } finally {
    if (warmBefore === undefined) delete process.env.CODECRAFTER_SANDBOX_WARM;
    else process.env.CODECRAFTER_SANDBOX_WARM = warmBefore;
  }
});

test.afterAll(async () => {
  await host?.stop();
  data?.cleanup();
});

test('a guest without the token opens an invite and is told how to join', async ({ browser }) => {
  const invite = newRoom('ws://127.0.0.1:4444', randomToken(SIGNAL_TOKEN_CHARS));
  const httpLink = formatInvite(invite, host.origin);
  const appLink = formatInvite(invite);

  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));

  const response = await page.goto(httpLink);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'You are invited to a CodeCrafter room' })).toBeVisible();

  const open = page.getByRole('link', { name: 'Open in CodeCrafter' });
  await expect(open).toBeVisible();
  const href = await open.getAttribute('href');
  expect(href).toBe(appLink);
  expect(href).toContain(`#${invite.secret}`);
  expect(href!.startsWith('codecrafter://join/')).toBe(true);

  // Keyboard first: the first Tab lands on the link that opens the app.
  await page.keyboard.press('Tab');
  await expect(open).toBeFocused();

  // How to join from one's own CodeCrafter, and the link to paste there.
  await expect(page.getByText(/Collaboration/).first()).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Join box' })).toBeVisible();
  await expect(page.getByLabel('Invite link')).toHaveValue(appLink);
  await page.getByRole('button', { name: 'Copy invite' }).click();
  await expect(page.getByRole('status')).toHaveText(/Copied/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(appLink);

  // The secret stayed in the page: no request carried it, and nothing broke the CSP.
  expect(requested.some((url) => url.includes(invite.secret))).toBe(false);
  expect(problems).toEqual([]);

  // Everything else still needs the token, and says so in words.
  await page.goto(`${host.origin}/`);
  await expect(page.getByText(/Open the full URL that `npm run web` printed/)).toBeVisible();
  await context.close();
});

test('an invite cut before its secret says what is missing', async ({ browser }) => {
  const invite = newRoom('ws://127.0.0.1:4444', randomToken(SIGNAL_TOKEN_CHARS));
  const cut = formatInvite(invite, host.origin).split('#')[0]!;
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(cut);
  await expect(page.getByRole('alert')).toHaveText(/no secret \(the part after #\)/);
  await expect(page.getByRole('link', { name: 'Open in CodeCrafter' })).toBeHidden();
  await context.close();
});

test('the host, who holds the token, is taken from the invite into the app', async ({ browser }) => {
  const invite = newRoom('ws://127.0.0.1:4444', randomToken(SIGNAL_TOKEN_CHARS));
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'CodeCrafter' })).toBeVisible();
  // The app takes the room out of the address bar as soon as it reads it, so look at the
  // navigation itself: /join/<room> was redirected to the app with the room in the query.
  const response = await page.goto(formatInvite(invite, host.origin));
  expect(response?.status()).toBe(200);
  expect(response?.request().redirectedFrom()?.url()).toContain(`/join/${invite.roomId}`);
  expect(new URL(response!.url()).searchParams.get('join')).toBe(invite.roomId);
  await context.close();
});
