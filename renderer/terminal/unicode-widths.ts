import { Unicode11Addon } from '@xterm/addon-unicode11';
import type { Terminal } from '@xterm/xterm';

/**
 * Unicode 11 character widths (an emoji or a CJK character takes two cells). Every terminal and
 * screen model of one stream must agree, or cursor moves land elsewhere on a member's screen than
 * on the host's. The terminal must be made with `allowProposedApi: true`. (No DOM here: the
 * host's screen model, shared-terminal-screen.ts, runs in Node tests too.)
 */
export function applyUnicode11(term: Terminal): void {
  term.loadAddon(new Unicode11Addon());
  term.unicode.activeVersion = '11';
}
