// Runs `codecrafter` (from source, through tsx) with a data dir of the test's own and no shipped
// problems, so the bank holds only what the test imported.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const cli = path.join(root, 'main/cli/index.ts');

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function cliRunner(dataDir: string) {
  const noShipped = path.join(dataDir, 'no-shipped-problems');
  mkdirSync(noShipped, { recursive: true });
  return (args: string[], timeout = 240_000) => {
    const r = spawnSync(tsx, [cli, ...args, '--data-dir', dataDir], {
      encoding: 'utf8',
      timeout,
      env: { ...process.env, CODECRAFTER_PROBLEMS_DIR: noShipped },
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
}
