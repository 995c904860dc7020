import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceDocuments } from '../../../renderer/editor/workspace-documents';
import { TxOrigin } from '../../../common/origins';
import { startRealHost, type RealHost } from './real-host';

// The workspace documents controller over the real host's workspace service: loading, saving,
// merging an outside change as a diff, and a folder switch while a file is still loading.

let host: RealHost;
let docs: WorkspaceDocuments;

beforeEach(async () => {
  host = startRealHost();
  writeFileSync(path.join(host.project, 'main.py'), 'a = 1\nb = 2\nc = 3\n');
  await host.api.workspace.open({ path: host.project });
  docs = new WorkspaceDocuments(host.api.workspace);
});

afterEach(async () => {
  docs.clear();
  await host.dispose();
});

describe('WorkspaceDocuments', () => {
  it('loads a file once, even when asked twice at the same time', async () => {
    const [first, second] = await Promise.all([docs.open('main.py'), docs.open('main.py')]);
    expect(first).toBe(second);
    expect(first.toString()).toBe('a = 1\nb = 2\nc = 3\n');
    expect(await docs.open('main.py')).toBe(first);
    expect(docs.isDirty('main.py')).toBe(false);
  });

  it('saves the text to disk and is clean afterwards', async () => {
    const text = await docs.open('main.py');
    text.insert(0, '# top\n');
    expect(docs.isDirty('main.py')).toBe(true);
    await docs.save('main.py');
    expect(readFileSync(path.join(host.project, 'main.py'), 'utf8')).toBe('# top\na = 1\nb = 2\nc = 3\n');
    expect(docs.isDirty('main.py')).toBe(false);
  });

  it('merges an outside change into unsaved edits as a diff, tagged as coming from disk', async () => {
    const text = await docs.open('main.py');
    text.insert(text.length, 'd = 4\n'); // unsaved, at the end
    const origins: unknown[] = [];
    docs.doc.on('afterTransaction', (tr) => origins.push(tr.origin));
    writeFileSync(path.join(host.project, 'main.py'), 'a = 1\nb = 20\nc = 3\n'); // another program changed line 2
    expect(await docs.mergeFromDisk('main.py')).toBe(true);
    expect(text.toString()).toBe('a = 1\nb = 20\nc = 3\nd = 4\n');
    expect(origins).toContain(TxOrigin.disk);
    // What is on disk is now the base: the edit of line 4 is the only difference left.
    expect(docs.isDirty('main.py')).toBe(true);
    expect(await docs.mergeFromDisk('main.py')).toBe(false);
  });

  it('refuses a load that finishes after the workspace changed, and keeps the new doc empty', async () => {
    let resets = 0;
    docs.onDidReset(() => resets++);
    const oldDoc = docs.doc;
    const loading = docs.open('main.py');
    docs.clear(); // a new folder was opened while the file was on its way
    await expect(loading).rejects.toThrow('the workspace changed while the file was loading');
    expect(resets).toBe(1);
    expect(docs.doc).not.toBe(oldDoc);
    expect(docs.text('main.py')).toBeUndefined();
    // Opening again loads into the new doc.
    expect((await docs.open('main.py')).doc).toBe(docs.doc);
  });

  it('moves open files and their saved state on rename, folders included', async () => {
    writeFileSync(path.join(host.project, 'other.py'), 'x\n');
    await docs.open('main.py');
    await docs.open('other.py');
    docs.rename('main.py', 'src/main.py');
    expect(docs.text('main.py')).toBeUndefined();
    expect(docs.text('src/main.py')?.toString()).toBe('a = 1\nb = 2\nc = 3\n');
    expect(docs.isDirty('src/main.py')).toBe(false);
    docs.rename('src', 'lib');
    expect([...docs.files.keys()].sort()).toEqual(['lib/main.py', 'other.py']);
  });

  it('treats a file deleted on disk as unsaved, and save creates it again', async () => {
    const text = await docs.open('main.py');
    docs.forgetDisk('main.py');
    expect(docs.isDirty('main.py')).toBe(true);
    await docs.save('main.py');
    expect(readFileSync(path.join(host.project, 'main.py'), 'utf8')).toBe(text.toString());
    expect(docs.isDirty('main.py')).toBe(false);
  });

  it('keeps closed files in a room and drops them solo', async () => {
    await docs.open('main.py');
    docs.shared = true;
    docs.close('main.py');
    expect(docs.text('main.py')).toBeDefined();
    docs.shared = false;
    docs.close('main.py');
    expect(docs.text('main.py')).toBeUndefined();
  });

  it('says a missing file is missing, with the host error', async () => {
    await expect(docs.open('nope.py')).rejects.toThrow(/nope\.py/);
    expect(docs.text('nope.py')).toBeUndefined();
  });
});
