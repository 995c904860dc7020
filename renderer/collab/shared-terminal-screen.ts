import { SerializeAddon } from '@xterm/addon-serialize';
import { Terminal } from '@xterm/xterm';
import { applyUnicode11 } from '../terminal/unicode-widths';

// The host's model of a shared terminal's screen, for late joiners (issue 10 item 4): a terminal
// that is never opened (no DOM, so the same code runs in the renderer and in Node tests) parses
// the output as it is broadcast, and the serialize addon turns its buffer into the escape
// sequences that redraw it. A model of its own rather than the host's visible xterm: the visible
// one comes and goes with its tab and React's lifecycle, this one lives exactly as long as the
// share, and it knows which numbered output it has parsed, so the joiner can splice the live
// stream onto the snapshot without a gap or a repeat.

/** Scrollback a late joiner receives: enough context, bounded message size. */
const SNAPSHOT_SCROLLBACK_LINES = 1000;

export class SharedScreen {
  private readonly term: Terminal;
  private readonly serializer = new SerializeAddon();
  /** The last output number the model has parsed (xterm parses asynchronously). */
  private parsedSeq = 0;

  constructor(cols: number, rows: number) {
    this.term = new Terminal({ cols, rows, scrollback: SNAPSHOT_SCROLLBACK_LINES, allowProposedApi: true });
    this.term.loadAddon(this.serializer);
    // The host's view lays out with unicode 11 widths; the model must too, or a joiner's screen
    // puts what follows a wide character one cell off.
    applyUnicode11(this.term);
  }

  get cols(): number {
    return this.term.cols;
  }

  get rows(): number {
    return this.term.rows;
  }

  write(seq: number, data: string): void {
    this.term.write(data, () => {
      this.parsedSeq = seq;
    });
  }

  resize(cols: number, rows: number): void {
    this.term.resize(cols, rows);
  }

  /**
   * The screen as escape sequences, and the number of the last output it includes, once the model
   * has parsed all it was given: output sent before a member asked is then in the screen, never in
   * a gap between the screen and the live output that follows it.
   */
  snapshot(): Promise<{ seq: number; screen: string }> {
    return new Promise((resolve) => {
      this.term.write('', () => resolve({ seq: this.parsedSeq, screen: this.serializer.serialize({ scrollback: SNAPSHOT_SCROLLBACK_LINES }) }));
    });
  }

  dispose(): void {
    this.term.dispose();
  }
}
