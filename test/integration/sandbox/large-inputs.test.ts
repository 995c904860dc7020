// Issue 12: what the editor opens and saves also runs. A 2 MB source file and a 300-character
// path run through the workspace's file collection and the real sandbox (they used to be refused
// at 1 MiB, and the tar writer failed above 255 characters with an internal-error verdict).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRunRequest } from '../../../common/sandbox';
import type { SandboxService } from '../../../main/sandbox/service';
import { collectRunFiles } from '../../../main/workspace/run-files';
import { containersOf, runToEnd, startService } from './helpers';

let service: SandboxService;
const root = mkdtempSync(path.join(os.tmpdir(), 'cc-large-'));

beforeAll(async () => {
  service = await startService();
});

afterAll(async () => {
  await service?.dispose();
  if (service) expect(await containersOf(service)).toEqual([]);
  rmSync(root, { recursive: true, force: true });
});

describe('large inputs', () => {
  it('runs a 2 MB source file', { timeout: 120_000 }, async () => {
    const padding = `# ${'x'.repeat(99)}\n`.repeat(20_000); // 2,000,000 bytes of comments
    writeFileSync(path.join(root, 'big.py'), `${padding}print("ran", len(open(__file__).read()))\n`);
    const files = await collectRunFiles(root, 'python', 'big.py');
    const big = files.find((f) => f.path === 'big.py')!;
    expect(big.content.length).toBeGreaterThan(2_000_000);
    const { result, stdout } = await runToEnd(service, parseRunRequest({ language: 'python', entry: 'big.py', files: [big] }));
    expect(result.verdict, result.message).toBe('ok');
    expect(stdout).toBe(`ran ${big.content.length}\n`);
  });

  it('runs an entry at a 300-character path', { timeout: 120_000 }, async () => {
    const folders = ['a'.repeat(90), 'b'.repeat(90), 'c'.repeat(90)];
    const entry = `${folders.join('/')}/${'m'.repeat(300 - 3 * 91 - 3)}.py`;
    expect(entry).toHaveLength(300);
    mkdirSync(path.join(root, ...folders), { recursive: true });
    writeFileSync(path.join(root, ...entry.split('/')), 'import os\nprint(len(os.path.relpath(__file__)))\n');
    const files = (await collectRunFiles(root, 'python', entry)).filter((f) => f.path === entry);
    const { result, stdout } = await runToEnd(service, parseRunRequest({ language: 'python', entry, files }));
    expect(result.verdict, result.message).toBe('ok');
    expect(stdout).toBe('300\n');
  });
});
