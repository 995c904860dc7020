import { WebglAddon } from '@xterm/addon-webgl';
import type { IDisposable, Terminal } from '@xterm/xterm';
import type { Settings } from '../../common/types';
import type { RendererLogger } from '../log';

// How a terminal view draws: xterm.js's WebGL renderer (@xterm/addon-webgl) or its DOM renderer,
// chosen as VS Code's `terminal.integrated.gpuAcceleration` does:
// - 'auto' uses WebGL where a GPU draws it, and the DOM renderer where a CPU rasterizer would
//   (SwiftShader, llvmpipe: measured here, SwiftShader's WebGL drew a flood at under half the DOM
//   renderer's speed; BENCHMARKS.md) or once WebGL has failed in this window;
// - 'on' tries WebGL every time, software or not; 'off' keeps the DOM renderer.
// A terminal whose WebGL context is lost for good goes on with the DOM renderer at once, and
// nothing is lost: the buffer is xterm's, a renderer only draws it. The window's one is made in
// app-context.ts.

export type GpuAcceleration = Settings['terminalGpuAcceleration'];
export type RendererKind = 'webgl' | 'dom';

export interface TerminalRenderer extends IDisposable {
  /** What draws the terminal now. */
  readonly kind: RendererKind;
}

/** Makes the WebGL addon; a test can hand one that fails. */
export type WebglAddonFactory = () => Pick<WebglAddon, 'activate' | 'dispose' | 'onContextLoss'>;

/** Renderer names of CPU rasterizers: Chromium's SwiftShader, Mesa's llvmpipe and softpipe, Windows' WARP. */
const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/**
 * Whether this browser draws WebGL2 on a GPU. A context asked with failIfMajorPerformanceCaveat is
 * refused by some software paths; Chromium's SwiftShader behind ANGLE grants it, so the renderer's
 * name is read too.
 */
export function hasHardwareWebgl2(): boolean {
  const gl = document.createElement('canvas').getContext('webgl2', { failIfMajorPerformanceCaveat: true });
  if (!gl) return false;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : String(gl.getParameter(gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext(); // give the context back at once
  return !SOFTWARE_GL.test(name);
}

export class TerminalGpu {
  private webglFailed = false;
  private hardware: boolean | undefined;

  constructor(
    private readonly log: RendererLogger,
    private readonly makeWebgl: WebglAddonFactory = () => new WebglAddon(),
    private readonly probeHardware: () => boolean = hasHardwareWebgl2,
  ) {}

  /** Whether WebGL has failed in this window; 'auto' then uses the DOM renderer. */
  get failed(): boolean {
    return this.webglFailed;
  }

  /** Gives an opened terminal its renderer; disposing it puts the DOM renderer back. */
  attach(term: Terminal, mode: GpuAcceleration, terminalId: string): TerminalRenderer {
    if (mode === 'off' || (mode === 'auto' && (this.webglFailed || !this.hasHardware()))) return { kind: 'dom', dispose: () => {} };
    let addon: ReturnType<WebglAddonFactory> | undefined;
    try {
      addon = this.makeWebgl();
      term.loadAddon(addon);
    } catch (error) {
      addon?.dispose();
      this.fail('the WebGL renderer could not start; the terminal uses the DOM renderer', { terminalId, mode, reason: describe(error) });
      return { kind: 'dom', dispose: () => {} };
    }
    const webgl = addon;
    let disposed = false;
    const renderer: { kind: RendererKind; dispose(): void } = {
      kind: 'webgl',
      dispose: () => {
        if (disposed) return;
        disposed = true;
        lost.dispose();
        webgl.dispose();
      },
    };
    // xterm fires this when Chromium has not restored a lost context within 3 s; disposing the
    // addon hands the terminal back to its DOM renderer.
    const lost = webgl.onContextLoss(() => {
      renderer.dispose();
      renderer.kind = 'dom';
      this.fail('the WebGL context was lost; the terminal went on with the DOM renderer', { terminalId, mode });
    });
    return renderer;
  }

  /** Asked once per window, on the first terminal that would use WebGL. */
  private hasHardware(): boolean {
    if (this.hardware === undefined) {
      this.hardware = this.probeHardware();
      if (!this.hardware) this.log.info('no GPU behind WebGL in this window (a software rasterizer); terminals use the DOM renderer');
    }
    return this.hardware;
  }

  private fail(message: string, context: Record<string, unknown>): void {
    // Logged once per window: 'auto' does not try again, and a user who chose 'on' has been told.
    if (!this.webglFailed) this.log.warn(message, context);
    this.webglFailed = true;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
