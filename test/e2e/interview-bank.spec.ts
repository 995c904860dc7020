import { expect, test } from '@playwright/test';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, startHost, tempDir, type RunningHost } from './web-host';

// The problem bank in the Interview view (issue 9): import a Kattis package folder by path, show
// its statement, export it as a zip. The package is hostile: its statement carries a script, an
// image with onerror, javascript: links and raw HTML; none of it may become live in real Chromium.

// Every folder of problems/ is a shipped problem.
const SHIPPED = readdirSync(path.join(REPO_ROOT, 'problems'), { withFileTypes: true }).filter((e) => e.isDirectory()).length;

let host: RunningHost | undefined;
const cleanups: Array<() => void> = [];

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
  for (const c of cleanups.splice(0)) c();
});

const HOSTILE_STATEMENT = `# Hostile Sum

Add $a + b$ and print it. <script>window.__pwned = 'script'</script>

<img src="x" onerror="window.__pwned = 'onerror'">

[click me](javascript:window.__pwned='link') <a href="javascript:window.__pwned='raw-link'">raw</a>

<iframe src="https://example.com"></iframe><style>body{display:none}</style>
`;

function writePackage(dir: string): void {
  const file = (p: string, content: string) => {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), content);
  };
  file('problem.yaml', 'name: Hostile Sum\nlimits:\n  time_limit: 1\n');
  file('problem_statement/problem.en.md', HOSTILE_STATEMENT);
  file('data/sample/1.in', '1 2\n');
  file('data/sample/1.ans', '3\n');
  file('data/secret/1.in', '40 2\n');
  file('data/secret/1.ans', '42\n');
  file('starters/python/main.py', 'a, b = map(int, input().split())\n');
}

test('imports a hostile package, shows its statement inert, and exports it', async ({ browser }) => {
  test.setTimeout(180_000);
  const data = tempDir('cc-e2e-bank-');
  const work = tempDir('cc-e2e-bank-pkg-');
  cleanups.push(data.cleanup, work.cleanup);
  const pkg = path.join(work.dir, 'hostile-sum');
  writePackage(pkg);
  host = await startHost(data.dir);
  const context = await browser.newContext();
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Interview', exact: true }).click();
  const view = page.getByRole('region', { name: 'Interview', exact: true });
  // The shipped bank is there from the first start.
  await expect(view.getByRole('list', { name: 'Problems' }).getByRole('button')).toHaveCount(SHIPPED, { timeout: 30_000 });

  // A relative path is refused with a sentence that says what to give.
  await view.getByLabel('Package path').fill('hostile-sum');
  await view.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText('absolute path')).toBeVisible();

  await view.getByLabel('Package path').fill(pkg);
  await view.getByRole('button', { name: 'Import' }).click();
  const preview = page.getByRole('region', { name: 'Problem Hostile Sum' });
  const statement = preview.getByRole('region', { name: 'Problem statement' });
  await expect(statement.getByRole('heading', { name: 'Hostile Sum', level: 1 })).toBeVisible({ timeout: 30_000 });
  await expect(view.getByRole('list', { name: 'Problems' }).getByRole('button')).toHaveCount(SHIPPED + 1);

  // Raw HTML shows as text; nothing ran; no unsafe link, image, frame or style is in the DOM.
  await expect(statement).toContainText("<script>window.__pwned = 'script'</script>");
  await expect(statement.locator('.math-source')).toHaveText('$a + b$');
  const body = statement.locator('.statement-body');
  expect(await body.locator('script, img, iframe, style').count()).toBe(0);
  expect(await body.locator('a[href^="javascript" i]').count()).toBe(0);
  expect(await body.locator('[onerror], [onclick]').count()).toBe(0);
  await statement.getByText('[click me]').click().catch(() => {});
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null)).toBeNull();
  expect(dialogs).toEqual([]);
  await expect(page.locator('body')).toBeVisible();

  // Samples are shown; the hidden test is not.
  await expect(preview.getByLabel('Sample 1 input')).toHaveText('1 2');
  await expect(preview).not.toContainText('40 2');

  // Export as a zip.
  const zip = path.join(work.dir, 'out', 'hostile-sum.zip');
  mkdirSync(path.dirname(zip), { recursive: true });
  await preview.getByLabel('Export path').fill(zip);
  await preview.getByRole('button', { name: 'Export' }).click();
  await expect(page.getByText(`Exported "hostile-sum" to ${zip}.`)).toBeVisible();
  expect(existsSync(zip)).toBe(true);
  await context.close();
});
