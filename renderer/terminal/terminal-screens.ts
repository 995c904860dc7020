import { SerializeAddon } from '@xterm/addon-serialize';
import type { Terminal } from '@xterm/xterm';

// What each open terminal view shows, as escape sequences that redraw it (xterm's serialize
// addon), for sharing a terminal with a room (issue 10 item 4): members see the screen from
// before the share, not an empty one. Only the terminal views register; a closed view is gone.
// The window's one is made in app-context.ts.

/** Scrollback sent with the screen: the same bound as the shared screen's model keeps. */
const SCREEN_SCROLLBACK_LINES = 1000;

export class TerminalScreens {
  private readonly serializers = new Map<string, SerializeAddon>();

  /** Called by the terminal view once its xterm is open; returns the disposer. */
  register(id: string, term: Terminal): () => void {
    const serializer = new SerializeAddon();
    term.loadAddon(serializer);
    this.serializers.set(id, serializer);
    return () => {
      if (this.serializers.get(id) === serializer) this.serializers.delete(id);
      serializer.dispose();
    };
  }

  /** The terminal's screen and recent scrollback, or null when no view of it is open. */
  screen(id: string): string | null {
    return this.serializers.get(id)?.serialize({ scrollback: SCREEN_SCROLLBACK_LINES }) ?? null;
  }
}
