import type { PtyPortBridge } from '../../common/pty-port';
import type { Disposer } from '../../common/rpc';

// The desktop's terminal transport (the window's MessagePort to the pty host, common/pty-port.ts)
// and what both transports share: the TerminalTransport interface and ViewFeed. Kept apart from
// terminal-transport.ts, which picks the transport and reaches main, so it can be tested alone.

export interface TerminalTransport {
  /** Every terminal's live output (what a share with the room passes on). */
  onData(listener: (event: { id: string; data: string }) => void): Disposer;
  /**
   * A view of terminal `id`: first what the terminal printed lately (a new tab's prompt, or the
   * screen a reloaded page had), then its live output, with nothing lost or repeated between the
   * two. `counted` output is under flow control: the view acknowledges it once drawn.
   */
  attach(id: string, write: (data: string, counted: boolean) => void): Disposer;
  onExit(listener: (event: { id: string; exitCode: number; signal?: number }) => void): Disposer;
  write(id: string, data: string): Promise<void>;
  resize(id: string, cols: number, rows: number): Promise<void>;
  ack(id: string, chars: number): Promise<void>;
  /**
   * Resolves once this page receives every terminal's output: a terminal is opened only after
   * it, so its first bytes (the prompt) are not missed. Rejects with what went wrong.
   */
  connected(): Promise<void>;
}

/**
 * The views of one page, and how each joins a terminal's replay to its live output: output that
 * comes after the view asked and before the replay is in the replay, so it is dropped; from the
 * replay on, output is live. Output of a terminal without a view is drawn by no one here.
 *
 * A view that opens before the page can ask (the window's port has not come yet: a reload, or the
 * pty host starting with the first terminal) waits and asks once the page is connected, so the
 * output it missed reaches it through the replay.
 */
export class ViewFeed {
  private readonly views = new Map<string, { write: (data: string, counted: boolean) => void; state: 'waiting' | 'asked' | 'live' }>();

  /** `askReplay` sends the request; false when it cannot yet (then `connected` asks later). */
  attach(id: string, write: (data: string, counted: boolean) => void, askReplay: () => boolean): Disposer {
    const view: { write: (data: string, counted: boolean) => void; state: 'waiting' | 'asked' | 'live' } = { write, state: 'waiting' };
    this.views.set(id, view);
    if (askReplay()) view.state = 'asked';
    return () => {
      if (this.views.get(id) === view) this.views.delete(id);
    };
  }

  /**
   * The page can ask now (its port or socket came): each view not live yet asks for its replay,
   * again if it had asked (its request may have gone with the connection this one replaces).
   */
  connected(askReplay: (id: string) => boolean): void {
    for (const [id, view] of this.views) {
      if (view.state !== 'live' && askReplay(id)) view.state = 'asked';
    }
  }

  data(id: string, data: string): void {
    const view = this.views.get(id);
    if (view?.state === 'live') view.write(data, true);
  }

  replay(id: string, data: string): void {
    const view = this.views.get(id);
    // A second answer (a view that re-attached asked again) finds the view live already.
    if (!view || view.state === 'live') return;
    view.state = 'live';
    if (data) view.write(data, false);
  }
}

/**
 * Electron: output, exits and replays come only from the window's port; keystrokes and
 * acknowledgements go through it once main has handed it over (`viaHost` before that).
 */
export function portTransport(port: PtyPortBridge, viaHost: TerminalTransport): TerminalTransport {
  const send = (direct: () => void, fallback: () => Promise<void>) => {
    if (!port.ready()) return fallback();
    try {
      direct();
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
  const askReplay = (id: string) => {
    if (!port.ready()) return false;
    port.replay(id);
    return true;
  };
  const views = new ViewFeed();
  port.onDidData((event) => views.data(event.id, event.data));
  port.onDidReplay((event) => views.replay(event.id, event.data));
  port.onDidConnect(() => views.connected(askReplay));
  return {
    onData: (listener) => port.onDidData(listener),
    onExit: (listener) => port.onDidExit(listener),
    attach: (id, write) => views.attach(id, write, () => askReplay(id)),
    write: (id, data) => send(() => port.write(id, data), () => viaHost.write(id, data)),
    // Resizes stay with main: they are rare, and main records them for the asciicast.
    resize: viaHost.resize,
    ack: (id, chars) => send(() => port.ack(id, chars), () => viaHost.ack(id, chars)),
    // Not waited for: in the desktop the pty host, and with it the window's port, starts with the
    // first terminal; a view that opens first asks for its replay when the port comes.
    connected: () => Promise.resolve(),
  };
}
