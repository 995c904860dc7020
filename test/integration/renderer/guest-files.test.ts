import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGuestFiles, type GuestFiles } from '../../../renderer/collab/guest-files';
import { WHOLE_FOLDER_MAX_FILES } from '../../../renderer/collab/file-requests';
import { WorkspaceDocuments } from '../../../renderer/editor/workspace-documents';
import { startRealHost, type RealHost } from './real-host';

// The room's files on the host (renderer/collab/guest-files.ts) over the real host's workspace
// service: a small folder goes into the doc whole, a larger one as a listing whose files join when
// asked for; what members may ask for follows the disk.

let host: RealHost;
let docs: WorkspaceDocuments;
let files: GuestFiles;

async function share(): Promise<Awaited<ReturnType<GuestFiles['publishFolder']>>> {
  const tree = await host.api.workspace.listFiles({});
  return files.publishFolder(tree.entries, (p) => host.api.workspace.readFile({ path: p }).then((f) => f.content, () => null));
}

beforeEach(async () => {
  host = startRealHost();
  await host.api.workspace.open({ path: host.project });
  docs = new WorkspaceDocuments(host.api.workspace);
  files = createGuestFiles({ documents: docs, workspace: host.api.workspace });
});

afterEach(async () => {
  docs.clear();
  await host.dispose();
});

describe('guest files on the host', () => {
  it('puts a small folder into the doc whole, and lists no file that appears later', async () => {
    writeFileSync(path.join(host.project, 'main.py'), 'print(1)\n');
    writeFileSync(path.join(host.project, 'blob.bin'), 'a\u0000b');
    const { shared, notShared } = await share();
    expect(shared).toEqual(['main.py']);
    // Main does not read a binary file as text: it is left out (main logged why).
    expect(notShared).toEqual([]);
    expect(docs.files.has('blob.bin')).toBe(false);
    expect(docs.text('main.py')?.toString()).toBe('print(1)\n');
    expect(files.listingMap().size).toBe(0);
    // The caller reads a new file in itself.
    expect(files.listNewFile('new.py')).toBe(false);
    expect(files.roomPaths()).toEqual(['main.py']);
  });

  it('shares a larger folder as a listing; a run loads the listed files members may still ask for', async () => {
    mkdirSync(path.join(host.project, 'lib'));
    const count = WHOLE_FOLDER_MAX_FILES + 1;
    const names = Array.from({ length: count }, (_, i) => `lib/m${String(i).padStart(3, '0')}.py`);
    for (const name of names) writeFileSync(path.join(host.project, name), `# ${name}\n`);
    writeFileSync(path.join(host.project, 'notes.txt'), 'notes\n');
    const { shared } = await share();
    expect(shared).toHaveLength(count + 1);
    expect(docs.files.size).toBe(0);
    expect(files.listingMap().size).toBe(count + 1);

    // A file that appears on disk is listed; one deleted there is no longer served.
    writeFileSync(path.join(host.project, 'lib/extra.py'), 'x = 1\n');
    expect(files.listNewFile('lib/extra.py')).toBe(true);
    expect(files.listingMap().has('lib/extra.py')).toBe(true);
    files.hostForget('lib/m000.py');
    expect(files.listingMap().has('lib/m000.py')).toBe(false);
    // Moved on disk: it is served under its new name only.
    await host.api.workspace.rename({ from: 'lib/m001.py', to: 'moved.py' });
    files.hostMove('lib/m001.py', 'moved.py');

    await files.loadListedForRun(['.py']);
    expect(docs.text('lib/extra.py')?.toString()).toBe('x = 1\n');
    expect(docs.text('moved.py')?.toString()).toBe('# lib/m001.py\n');
    expect(docs.text('lib/m002.py')?.toString()).toBe('# lib/m002.py\n');
    expect(docs.files.has('lib/m000.py')).toBe(false);
    expect(docs.files.has('lib/m001.py')).toBe(false);
    expect(docs.files.has('notes.txt')).toBe(false);
    expect(docs.files.size).toBe(count); // all .py files but the forgotten one, plus lib/extra.py
  });

  it('keeps what each instance shared apart', async () => {
    mkdirSync(path.join(host.project, 'lib'));
    for (let i = 0; i <= WHOLE_FOLDER_MAX_FILES; i++) writeFileSync(path.join(host.project, `lib/m${i}.py`), '');
    await share();
    const other = createGuestFiles({ documents: docs, workspace: host.api.workspace });
    expect(files.listNewFile('lib/new.py')).toBe(true);
    expect(other.listNewFile('lib/other.py')).toBe(false);
  });
});
