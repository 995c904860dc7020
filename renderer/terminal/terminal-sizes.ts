import { Emitter } from '../../common/event';

// The size each terminal view last fitted its pty to, for features that follow a terminal
// without owning its view (a shared terminal's screen model follows the host's size).

const sizes = new Map<string, { cols: number; rows: number }>();
const resized = new Emitter<{ id: string; cols: number; rows: number }>();

export const onDidResizeTerminal = resized.event;

export function terminalSize(id: string): { cols: number; rows: number } {
  return sizes.get(id) ?? { cols: 80, rows: 24 };
}

/** Called by the terminal view when xterm's size changes. */
export function noteTerminalSize(id: string, cols: number, rows: number): void {
  sizes.set(id, { cols, rows });
  resized.fire({ id, cols, rows });
}

export function forgetTerminalSize(id: string): void {
  sizes.delete(id);
}
