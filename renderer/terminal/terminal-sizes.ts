import { Emitter } from '../../common/event';

// The size each terminal view last fitted its pty to, for features that follow a terminal
// without owning its view (a shared terminal's screen model follows the host's size). The
// window's one is made in app-context.ts.

export class TerminalSizes {
  private readonly sizes = new Map<string, { cols: number; rows: number }>();
  private readonly resized = new Emitter<{ id: string; cols: number; rows: number }>();

  readonly onDidResize = this.resized.event;

  size(id: string): { cols: number; rows: number } {
    return this.sizes.get(id) ?? { cols: 80, rows: 24 };
  }

  /** Called by the terminal view when xterm's size changes. */
  note(id: string, cols: number, rows: number): void {
    this.sizes.set(id, { cols, rows });
    this.resized.fire({ id, cols, rows });
  }

  forget(id: string): void {
    this.sizes.delete(id);
  }
}
