import { expect, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './web-host';

// The folder the workbench-habit specs (issue 11) work in: runnable files, a slow one for limits,
// a sub-folder, and what search must skip (node_modules, a binary file).

export function habitsWorkspace(): { dir: string; cleanup: () => void } {
  const base = tempDir('cc-e2e-habits-');
  const dir = path.join(base.dir, 'habits');
  const files: Record<string, string> = {
    'main.py': 'name = input().strip()\nprint(f"Hello, {name}!")\n',
    'crash.py': 'import sys\nprint("about to fail", file=sys.stderr)\nsys.exit(3)\n',
    'slow.py': 'import time\nprint("start", flush=True)\ntime.sleep(6)\nprint("end")\n',
    'src/util.py': '# helpers\ndef greet_user(name):\n    return greet(name)\n\ndef greet(name):\n    return "Hello " + name\n',
    'notes.txt': 'Greet everyone.\n',
    'long.txt': `${'word '.repeat(120)}\n`,
    'node_modules/pkg/index.js': 'module.exports = function greet() {};\n',
  };
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  writeFileSync(path.join(dir, 'blob.bin'), Buffer.from([0x67, 0x72, 0x65, 0x65, 0x74, 0, 1, 2, 3]));
  return { dir, cleanup: base.cleanup };
}

export async function openWorkspace(page: Page, url: string, dir: string): Promise<void> {
  await page.goto(url);
  const tree = page.getByRole('tree', { name: 'Files' });
  // The host remembers the open folder across reloads; open it only when the welcome page shows.
  // The welcome page shows first while the page asks the host what is open, and gives way to the
  // tree if a folder is: a field seen a moment ago may be gone (CI lost 90 s filling it).
  await expect(async () => {
    if (await tree.isVisible()) return;
    await page.getByLabel('Folder path on this machine').fill(dir, { timeout: 2_000 });
    await page.getByRole('button', { name: 'Open', exact: true }).click({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(tree.getByRole('treeitem', { name: 'main.py' })).toBeVisible();
}

export async function openFile(page: Page, name: string): Promise<void> {
  await page.getByRole('tree', { name: 'Files' }).getByRole('treeitem', { name, exact: true }).click();
  await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
}

export async function editorText(page: Page): Promise<string> {
  return (await page.locator('.monaco-editor .view-lines').innerText()).replace(/\u00a0/g, ' ');
}

/** Opens a file through Go to File (Ctrl+P), whichever side view is shown. */
export async function quickOpen(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+p');
  await page.getByRole('combobox', { name: 'Go to file' }).fill(name);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
}
