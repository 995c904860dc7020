import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { copyFixture, startHost, tempDir, type RunningHost } from './web-host';

// Several people in one room, each with their own browser host (own data folder, own token) and
// their own browser context (WebRTC needs one per peer, with the microphone permission granted
// so Chromium gives out loopback host candidates). The first peer opens a fixture folder and
// shares it; its host embeds the signalling server on loopback.

/** What renderer/collab/probe.ts puts on the page when it is opened with probe=1. */
interface ProbeView {
  editorText(): string | null;
  docText(path: string): string | null;
  clientId(): number;
  stats(): { docUpdates: number; docMessages: number; awarenessMessages: number; chunkedMessages: number; undecryptable: number } | null;
  editor(): {
    setScrollTop(top: number): void;
    getTopForLineNumber(line: number): number;
    getVisibleRanges(): Array<{ startLineNumber: number }>;
  } | null;
}

declare global {
  interface Window {
    __codecrafterProbe?: ProbeView;
  }
}

export interface Peer {
  name: string;
  host: RunningHost;
  /** The host's data folder (interviews, history, settings). */
  dataDir: string;
  context: BrowserContext;
  page: Page;
  errors: string[];
}

export interface PeerSet {
  peers: Peer[];
  workspace: { dir: string; cleanup: () => void };
  close(): Promise<void>;
}

/** `named: false` leaves each person without a saved name, as a new user is (the app asks on share or join). */
export async function startPeers(browser: Browser, names: string[], fixture = 'sample-workspace', { named = true } = {}): Promise<PeerSet> {
  const workspace = copyFixture(fixture);
  const dataDirs: Array<{ dir: string; cleanup: () => void }> = [];
  const peers: Peer[] = [];
  for (const name of names) {
    const data = tempDir('cc-e2e-collab-');
    dataDirs.push(data);
    const host = await startHost(data.dir);
    const context = await browser.newContext({ permissions: ['microphone'] });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`${e.name}: ${e.message} ${e.stack?.split('\n').slice(0, 3).join(' | ') ?? ''}`));
    // Nothing may leave loopback: no public signalling, STUN or CDN.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (/^(https?|wss?):\/\/127\.0\.0\.1[:/]/.test(url) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      errors.push(`request outside loopback: ${url}`);
      return route.abort();
    });
    page.on('websocket', (ws) => {
      if (!ws.url().startsWith('ws://127.0.0.1:')) errors.push(`websocket outside loopback: ${ws.url()}`);
    });
    await page.goto(`${host.url}&probe=1`);
    await expect(page.getByRole('heading', { name: 'CodeCrafter' })).toBeVisible();
    if (named) await setName(page, name);
    peers.push({ name, host, dataDir: data.dir, context, page, errors });
  }
  return {
    peers,
    workspace,
    async close() {
      for (const p of peers) await p.context.close().catch(() => {});
      for (const p of peers) await p.host.stop();
      for (const d of dataDirs) d.cleanup();
      workspace.cleanup();
    },
  };
}

export async function showCollab(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Collaboration', exact: true });
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  await expect(page.getByRole('region', { name: 'Collaboration' })).toBeVisible();
}

export async function showExplorer(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Explorer', exact: true });
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
}

export async function setName(page: Page, name: string): Promise<void> {
  await showCollab(page);
  const field = page.getByRole('region', { name: 'Collaboration' }).getByLabel('Your name');
  await field.fill(name);
  await field.press('Enter');
}

/**
 * The host opens the folder and shares it; returns the invite link. Tests that are not about
 * admission let anyone with the invite in as an editor; `admission: 'knock'` is the app's default.
 */
export async function shareFolder(page: Page, dir: string, { admission = 'editor' }: { admission?: 'knock' | 'viewer' | 'editor' } = {}): Promise<string> {
  await page.getByLabel('Folder path on this machine').fill(dir);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await showExplorer(page);
  await expect(page.getByRole('tree', { name: 'Files' })).toBeVisible();
  await showCollab(page);
  await chooseAdmission(page, admission);
  await page.getByRole('button', { name: 'Share workspace' }).click();
  await chooseSignalReach(page);
  const invite = page.getByLabel('Invite link', { exact: true });
  await expect(invite).toHaveValue(/^codecrafter:\/\/join\//);
  return invite.inputValue();
}

export async function chooseAdmission(page: Page, admission: 'knock' | 'viewer' | 'editor'): Promise<void> {
  await page.getByRole('region', { name: 'Collaboration' }).getByLabel('Who may join').selectOption(admission);
}

/** Share asks where the room's signalling server listens (issue 8): loopback is enough on one machine. */
export async function chooseSignalReach(page: Page, choice: 'This machine only' | 'This machine and my network' = 'This machine only'): Promise<void> {
  const dialog = page.getByRole('alertdialog', { name: 'Who can reach this room?' });
  await dialog.getByRole('button', { name: choice }).click();
  await expect(dialog).toHaveCount(0);
}

export async function joinRoom(page: Page, link: string): Promise<void> {
  await showCollab(page);
  await page.getByRole('region', { name: 'Collaboration' }).getByLabel('Invite link').fill(link);
  await page.getByRole('button', { name: 'Join room' }).click();
  await expect(page.getByRole('status', { name: 'Room status' })).toBeVisible();
}

export async function expectPeers(page: Page, count: number): Promise<void> {
  await showCollab(page);
  await expect(page.getByRole('status', { name: 'Room status' })).toHaveAttribute('data-peers', String(count), { timeout: 30_000 });
}

export async function openInTree(page: Page, path: string): Promise<void> {
  await showExplorer(page);
  const tree = page.getByRole('tree', { name: 'Files' });
  const parts = path.split('/');
  for (let i = 0; i < parts.length - 1; i++) {
    const folder = tree.locator(`[data-path="${parts.slice(0, i + 1).join('/')}"]`);
    if ((await folder.getAttribute('aria-expanded')) !== 'true') await folder.click();
  }
  await tree.locator(`[data-path="${path}"]`).click();
  await expect(page.getByRole('tab', { name: parts.at(-1)!, exact: false }).first()).toBeVisible();
}

/** The whole text of the active editor's model (the DOM holds only the visible lines). */
export function editorText(page: Page): Promise<string | null> {
  return page.evaluate(() => window.__codecrafterProbe!.editorText());
}

export function clientId(page: Page): Promise<number> {
  return page.evaluate(() => window.__codecrafterProbe!.clientId());
}

export async function clickEditor(page: Page): Promise<void> {
  await page.locator('.monaco-editor .view-lines').click();
}

/** The first line the active editor shows. */
export function topLine(page: Page): Promise<number> {
  return page.evaluate(() => window.__codecrafterProbe!.editor()!.getVisibleRanges()[0]!.startLineNumber);
}

export async function scrollTo(page: Page, line: number): Promise<void> {
  await page.evaluate((l) => {
    const editor = window.__codecrafterProbe!.editor()!;
    editor.setScrollTop(editor.getTopForLineNumber(l));
  }, line);
}

/** Selects a tree entry (expanding its folders) without opening it a second time. */
async function selectInTree(page: Page, path: string): Promise<void> {
  await showExplorer(page);
  const tree = page.getByRole('tree', { name: 'Files' });
  const parts = path.split('/');
  for (let i = 0; i < parts.length - 1; i++) {
    const folder = tree.locator(`[data-path="${parts.slice(0, i + 1).join('/')}"]`);
    if ((await folder.getAttribute('aria-expanded')) !== 'true') await folder.click();
  }
  const row = tree.locator(`[data-path="${path}"]`);
  await row.click();
  // A folder's click also toggles it; selection is what matters here.
  await expect(row).toHaveAttribute('aria-selected', 'true');
}

/** Renames a file or folder from the Explorer (the Rename button, then the name field). */
export async function renameInTree(page: Page, path: string, newName: string): Promise<void> {
  await selectInTree(page, path);
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('Rename to').fill(newName);
  await page.getByLabel('Rename to').press('Enter');
}

/** Deletes a file or folder from the Explorer, confirming the dialog. */
export async function deleteInTree(page: Page, path: string): Promise<void> {
  await selectInTree(page, path);
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('cannot be undone');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
}
