import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from './chromium-harness';
import type { scenarios } from './monaco-binding.harness';

// The Monaco binding (renderer/collab/monaco-binding.ts) with real Monaco editors and models, in
// Chromium, bound to real Y.Docs: monaco-binding.harness.ts is bundled with Monaco's editor API
// and runs each scenario in the page.

let harness: Harness<typeof scenarios>;
const run: Harness<typeof scenarios>['run'] = (name, ...args) => harness.run(name, ...args);
const errors = () => harness.errors;

beforeAll(async () => {
  harness = await openHarness<typeof scenarios>('test/integration/renderer/monaco-binding.harness.ts', {
    // The editor's API alone (the app loads every language too); styles and fonts are not needed.
    alias: { 'monaco-editor': 'monaco-editor/editor/editor.api.js' },
    loader: { '.css': 'empty', '.ttf': 'empty' },
  });
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

describe('MonacoBinding', () => {
  it('applies a transaction of several peers’ edits as one Monaco edit', async () => {
    const r = await run('oneEditPerTransaction');
    expect(r.docText).toBe('line 1 typed by b\n\nline 3!\n');
    expect(r.modelText).toBe(r.docText);
    expect(r.contentEvents).toBe(1);
    expect(r.changesInTheEvent).toBe(3);
  });

  it('writes typing and multi-cursor edits to the Y.Text under its own origin (what undo tracks)', async () => {
    const r = await run('localEdits');
    expect(r.modelText).toBe('line 1Q\n>> line X\nnew line \nQ 3\n');
    expect(r.docText).toBe(r.modelText);
    expect(r.allFromBinding).toBe(true);
    expect(r.transactions).toBe(2);
    expect(r.withZ).toBe(`Z${r.modelText}`);
    expect(r.undoneModel).toBe(r.modelText);
    expect(r.undoneDoc).toBe(r.modelText);
  });

  it('keeps every cursor on its place in the text when peers’ text lands around it', async () => {
    const r = await run('cursorsFollowTheText');
    expect(r.afterBefore).toEqual([
      [2, 5, 2, 5],
      [3, 2, 3, 5],
    ]);
    expect(r.afterAt).toEqual([
      [2, 6, 2, 6],
      [3, 2, 3, 5],
    ]);
  });

  it('paints peers’ cursors with their classes, at most once a frame, and not when their typing carried them', async () => {
    const r = await run('remoteCursors');
    expect(r.first).toEqual([{ range: [2, 7, 2, 7], className: 'yRemoteSelection yRemoteSelection-2', after: 'yRemoteSelectionHead yRemoteSelectionHead-2' }]);
    expect(r.whileTyping).toEqual({ paints: 0, painted: [{ ...r.first[0]!, range: [2, 10, 2, 10] }] });
    expect(r.storm.paints).toBe(1);
    expect(r.storm.painted.map((p) => p.range)).toEqual([[3, 3, 3, 3]]);
    expect(r.gone).toBe(0);
  });

  it('tells awareness where the selection is when it moves in the text, not when peers only shift it', async () => {
    const r = await run('publishesSelection');
    expect(r.afterMove).toBe(1);
    expect(r.where).toEqual([10, 10]);
    expect(r.column).toBe(14);
    expect(r.afterPeer).toBe(1);
    expect(r.afterSelect).toBe(2);
  });

  it('converges: two editors and their docs end with one text, for every seed', async () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const r = await run('converges', seed);
      expect(r.aDoc, `seed ${seed}`).toBe(r.bDoc);
      expect(r.a, `seed ${seed}`).toBe(r.aDoc);
      expect(r.b, `seed ${seed}`).toBe(r.bDoc);
    }
  });

  it('lets go of the model and the text when destroyed, taking peers’ cursors with it', async () => {
    const r = await run('destroy');
    expect(r.cursorsBefore).toBe(1);
    expect(r.cursorsAfter).toBe(0);
    expect(r.docText).toBe('doc only line 1\nline 2\nline 3\n');
    expect(r.modelText).toBe('line 1\nline 2\nmodel only line 3\n');
  });

  it('raised no error in the page', () => {
    expect(errors()).toEqual([]);
  });
});
