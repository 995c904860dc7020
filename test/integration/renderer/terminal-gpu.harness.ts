// Runs in Chromium (bundled by terminal-gpu.test.ts): real xterm.js terminals given their renderer
// by renderer/terminal/terminal-gpu.ts, with the real WebGL addon. Each scenario returns what it
// saw, for the test to check; nothing here asserts.
import { WebglAddon } from '@xterm/addon-webgl';
import { Terminal } from '@xterm/xterm';
import type { LogContext, RendererLogger } from '../../../renderer/log';
import { hasHardwareWebgl2, TerminalGpu, type GpuAcceleration } from '../../../renderer/terminal/terminal-gpu';

type Record_ = { level: string; message: string; context?: LogContext };

function logger(records: Record_[]): RendererLogger {
  return {
    debug: (message, context) => records.push({ level: 'debug', message, context }),
    info: (message, context) => records.push({ level: 'info', message, context }),
    warn: (message, context) => records.push({ level: 'warn', message, context }),
    error: (message, _error, context) => records.push({ level: 'error', message, context }),
  };
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const written = (term: Terminal, data: string) => new Promise<void>((resolve) => term.write(data, resolve));

/** An opened terminal in its own box. */
function openTerminal(): { term: Terminal; host: HTMLElement } {
  const host = document.createElement('div');
  host.style.cssText = 'width: 640px; height: 240px';
  document.body.appendChild(host);
  const term = new Terminal({ cols: 60, rows: 8 });
  term.open(host);
  return { term, host };
}

/** What draws the box now: the DOM renderer's rows and their text, and the WebGL canvases. */
function drawn(host: HTMLElement) {
  const rows = host.querySelector('.xterm-rows');
  return { domRows: rows !== null, domText: rows?.textContent ?? '', webglCanvases: webglCanvases(host).length };
}

/** The WebGL renderer's canvas: in the screen, not one of the 2D layers (links), holding a WebGL2 context. */
function webglCanvases(host: HTMLElement): HTMLCanvasElement[] {
  return [...host.querySelectorAll<HTMLCanvasElement>('.xterm-screen > canvas')].filter((c) => !/-layer\b/.test(c.className) && c.getContext('webgl2') !== null);
}

function close(term: Terminal, host: HTMLElement) {
  term.dispose();
  host.remove();
}

export const scenarios = {
  /** What this browser is: the WebGL2 renderer's name and whether the module takes it for a GPU. */
  environment() {
    const gl = document.createElement('canvas').getContext('webgl2');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    return { webgl2: gl !== null, name: gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '', hardware: hasHardwareWebgl2() };
  },

  /** Each mode with the real hardware probe, the real addon and text written before and after. */
  async modes(mode: GpuAcceleration) {
    const records: Record_[] = [];
    const gpu = new TerminalGpu(logger(records));
    const { term, host } = openTerminal();
    await written(term, 'before\r\n');
    const renderer = gpu.attach(term, mode, 't1');
    await written(term, 'after\r\n');
    await frame();
    await frame();
    const result = { kind: renderer.kind, ...drawn(host), records, failed: gpu.failed };
    renderer.dispose();
    await frame();
    const afterDispose = drawn(host);
    close(term, host);
    return { ...result, afterDispose };
  },

  /** 'auto' on a machine that has a GPU (the probe says so): WebGL draws. */
  async autoWithHardware() {
    const records: Record_[] = [];
    const gpu = new TerminalGpu(logger(records), () => new WebglAddon(), () => true);
    const { term, host } = openTerminal();
    const renderer = gpu.attach(term, 'auto', 't1');
    await written(term, 'hello\r\n');
    await frame();
    const result = { kind: renderer.kind, ...drawn(host), records };
    renderer.dispose();
    close(term, host);
    return result;
  },

  /** A WebGL addon that cannot start: the DOM renderer draws, one warning, and 'auto' does not try again. */
  async addonThrows() {
    const records: Record_[] = [];
    let made = 0;
    const gpu = new TerminalGpu(
      logger(records),
      () => {
        made++;
        return {
          activate: () => {
            throw new Error('WebGL2 not supported');
          },
          dispose: () => {},
          onContextLoss: () => ({ dispose: () => {} }),
        };
      },
      () => true,
    );
    const first = openTerminal();
    const r1 = gpu.attach(first.term, 'auto', 't1');
    await written(first.term, 'still drawn\r\n');
    await frame();
    const firstDrawn = drawn(first.host);
    const second = openTerminal();
    const r2 = gpu.attach(second.term, 'auto', 't2');
    const r3 = gpu.attach(second.term, 'on', 't2');
    const result = { kinds: [r1.kind, r2.kind, r3.kind], made, firstDrawn, records };
    close(first.term, first.host);
    close(second.term, second.host);
    return result;
  },

  /** The WebGL context is lost for good: the terminal goes on with the DOM renderer, the text kept. */
  async contextLost() {
    const records: Record_[] = [];
    const gpu = new TerminalGpu(logger(records), () => new WebglAddon(), () => true);
    const { term, host } = openTerminal();
    const renderer = gpu.attach(term, 'on', 't1');
    await written(term, 'kept line\r\n');
    await frame();
    const before = { kind: renderer.kind, ...drawn(host) };
    const canvas = webglCanvases(host)[0]!;
    canvas.getContext('webgl2')!.getExtension('WEBGL_lose_context')!.loseContext();
    // xterm waits 3 s for Chromium to restore the context before it gives up on it.
    const start = performance.now();
    while (renderer.kind === 'webgl' && performance.now() - start < 10_000) await new Promise((r) => setTimeout(r, 100));
    await written(term, 'written after\r\n');
    await frame();
    await frame();
    const after = { kind: renderer.kind, ...drawn(host) };
    // A later terminal in 'auto' uses the DOM renderer from the start.
    const next = openTerminal();
    const nextKind = gpu.attach(next.term, 'auto', 't2').kind;
    renderer.dispose();
    close(term, host);
    close(next.term, next.host);
    return { before, after, nextKind, failed: gpu.failed, records };
  },

  /** The view's order on close: the terminal is disposed first (with its addons), then the renderer. */
  async disposedAfterTheTerminal() {
    const gpu = new TerminalGpu(logger([]), () => new WebglAddon(), () => true);
    const { term, host } = openTerminal();
    const renderer = gpu.attach(term, 'on', 't1');
    try {
      close(term, host);
      renderer.dispose();
      renderer.dispose();
      return { threw: '' };
    } catch (error) {
      return { threw: String(error) };
    }
  },
};

(window as unknown as { scenarios: typeof scenarios }).scenarios = scenarios;
