import { Unicode11Addon } from '@xterm/addon-unicode11';
import { Terminal } from '@xterm/xterm';
import { describe, expect, it } from 'vitest';
import { SharedScreen } from './shared-terminal-screen';

/** A terminal laid out as the host's own view is (TerminalView: unicode 11 widths). */
function hostLikeTerminal(cols: number, rows: number): Terminal {
  const term = new Terminal({ cols, rows, allowProposedApi: true });
  term.loadAddon(new Unicode11Addon());
  term.unicode.activeVersion = '11';
  return term;
}

const write = (term: Terminal, data: string) => new Promise<void>((resolve) => term.write(data, resolve));
const line = (term: Terminal, y: number) => term.buffer.active.getLine(y)?.translateToString(true) ?? '';

describe('a shared terminal’s screen model', () => {
  it('lays out wide characters as the host’s terminal does, so a joiner’s snapshot matches it', async () => {
    // An emoji is two cells wide in unicode 11; a full-screen program (vim, htop) then moves the
    // cursor by cell: column 3 is right after the emoji.
    const output = '\u{1F600}\x1b[1;3HX';
    const host = hostLikeTerminal(20, 4);
    await write(host, output);
    const model = new SharedScreen(20, 4);
    model.write(1, output);
    const { screen } = await model.snapshot();
    const joiner = hostLikeTerminal(20, 4);
    await write(joiner, screen);
    expect(line(host, 0)).toBe('\u{1F600}X');
    expect(line(joiner, 0)).toBe(line(host, 0));
    host.dispose();
    joiner.dispose();
    model.dispose();
  });
});
