import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../common/contract';
import { listChannels } from '../../../common/rpc';
import { allReferences, cliReference, contractReference } from '../../../main/docs/reference';

// The reference docs in docs/reference/ are generated from the declarations (npm run docs). These
// tests keep the committed copy equal to what the code declares, and check that the generator
// really covers the declarations rather than printing a fixed text.

const root = path.resolve(import.meta.dirname, '../../..');

describe('reference docs', () => {
  it('the committed docs match the declarations (run `npm run docs` after changing them)', async () => {
    for (const doc of await allReferences(root)) {
      expect(readFileSync(path.join(root, doc.file), 'utf8'), doc.file).toBe(doc.text);
    }
  });

  it('documents every method and event of the contract, with its declared result type', () => {
    const { text } = contractReference(root);
    const { methods, events } = listChannels(contract);
    for (const channel of [...methods, ...events]) expect(text).toContain(`### ${channel}\n`);
    expect(text).toContain('### workspace.readFile\n\nResult: `FileContent`.');
    expect(text).toMatch(/### sandbox\.run\n\n[^\n]*main reads its files from disk/);
  });

  it("documents every command of the CLI with its own --help", async () => {
    const { text } = await cliReference(root);
    for (const command of ['web', 'signal', 'images', 'run', 'judge', 'problems', 'history', 'replay']) {
      expect(text).toContain(`## codecrafter ${command}\n\n\`\`\`text\nusage: codecrafter ${command}`);
    }
  }, 120_000);
});
