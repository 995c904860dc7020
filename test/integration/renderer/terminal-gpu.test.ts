import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from './chromium-harness';
import type { scenarios } from './terminal-gpu.harness';

// The terminal's renderer choice (renderer/terminal/terminal-gpu.ts) with real xterm.js terminals
// and the real WebGL addon, in Chromium: terminal-gpu.harness.ts is bundled and runs each scenario
// in the page. Chromium here has no GPU: its WebGL2 is SwiftShader, a CPU rasterizer.

let harness: Harness<typeof scenarios>;
const run: Harness<typeof scenarios>['run'] = (name, ...args) => harness.run(name, ...args);

beforeAll(async () => {
  harness = await openHarness<typeof scenarios>('test/integration/renderer/terminal-gpu.harness.ts');
}, 120_000);

afterAll(async () => {
  const errors = harness?.errors ?? [];
  await harness?.close();
  expect(errors).toEqual([]);
});

describe('terminal GPU acceleration', () => {
  it('takes this Chromium’s SwiftShader WebGL2 for a CPU rasterizer', async () => {
    const env = await run('environment');
    expect(env.webgl2).toBe(true);
    expect(env.name).toMatch(/SwiftShader/);
    expect(env.hardware).toBe(false);
  });

  it("'auto' keeps the DOM renderer on a CPU rasterizer and says so once", async () => {
    const r = await run('modes', 'auto');
    expect(r.kind).toBe('dom');
    expect(r.domRows).toBe(true);
    expect(r.domText).toContain('before');
    expect(r.domText).toContain('after');
    expect(r.webglCanvases).toBe(0);
    expect(r.failed).toBe(false);
    expect(r.records).toEqual([{ level: 'info', message: expect.stringMatching(/software rasterizer/), context: undefined }]);
  });

  it("'auto' draws with WebGL where a GPU is behind it", async () => {
    const r = await run('autoWithHardware');
    expect(r.kind).toBe('webgl');
    expect(r.webglCanvases).toBe(1);
    expect(r.domRows).toBe(false);
    expect(r.records).toEqual([]);
  });

  it("'on' draws with WebGL even on a CPU rasterizer; disposing it gives the DOM renderer back with the text", async () => {
    const r = await run('modes', 'on');
    expect(r.kind).toBe('webgl');
    expect(r.webglCanvases).toBe(1);
    expect(r.domRows).toBe(false);
    expect(r.records).toEqual([]);
    expect(r.afterDispose.webglCanvases).toBe(0);
    expect(r.afterDispose.domRows).toBe(true);
    expect(r.afterDispose.domText).toContain('before');
    expect(r.afterDispose.domText).toContain('after');
  });

  it("'off' keeps the DOM renderer and never probes", async () => {
    const r = await run('modes', 'off');
    expect(r.kind).toBe('dom');
    expect(r.domRows).toBe(true);
    expect(r.webglCanvases).toBe(0);
    expect(r.records).toEqual([]);
  });

  it('a WebGL addon that cannot start leaves the DOM renderer drawing, warns once, and auto does not try again', async () => {
    const r = await run('addonThrows');
    expect(r.kinds).toEqual(['dom', 'dom', 'dom']);
    expect(r.made).toBe(2); // the first 'auto' and the 'on'; the second 'auto' did not try
    expect(r.firstDrawn.domRows).toBe(true);
    expect(r.firstDrawn.domText).toContain('still drawn');
    expect(r.records).toHaveLength(1);
    expect(r.records[0]).toMatchObject({ level: 'warn', message: expect.stringMatching(/could not start/), context: { terminalId: 't1', mode: 'auto', reason: 'WebGL2 not supported' } });
  });

  it('a WebGL context lost for good hands the terminal to the DOM renderer with its text, and later terminals start there', async () => {
    const r = await run('contextLost');
    expect(r.before).toMatchObject({ kind: 'webgl', webglCanvases: 1, domRows: false });
    expect(r.after.kind).toBe('dom');
    expect(r.after.domRows).toBe(true);
    expect(r.after.domText).toContain('kept line');
    expect(r.after.domText).toContain('written after');
    expect(r.nextKind).toBe('dom');
    expect(r.failed).toBe(true);
    expect(r.records).toEqual([{ level: 'warn', message: expect.stringMatching(/context was lost/), context: { terminalId: 't1', mode: 'on' } }]);
  }, 30_000);

  it('is disposed safely after its terminal (the view’s order on close), and twice', async () => {
    expect(await run('disposedAfterTheTerminal')).toEqual({ threw: '' });
  });
});
