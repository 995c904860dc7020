import { SearchAddon } from '@xterm/addon-search';
import { WebLinksAddon } from '@xterm/addon-web-links';
import type { Terminal } from '@xterm/xterm';
import { openTerminalLink } from './terminal-actions';
import { terminalKeyAction } from './terminal-keys';
import { applyUnicode11 } from './unicode-widths';

// What every terminal of the app loads, the host's own and a member's view of a shared one, so
// both lay out and behave alike: xterm.js addons, not code of our own.

/** The addons of a terminal someone looks at: widths, clickable links, and search (returned, for the find bar). */
export function loadViewAddons(term: Terminal): SearchAddon {
  const search = new SearchAddon();
  term.loadAddon(search);
  applyUnicode11(term);
  term.loadAddon(new WebLinksAddon((_event, uri) => openTerminalLink(uri)));
  return search;
}

/** Ctrl+F opens find, Ctrl+Shift+C copies the selection, Ctrl+Shift+V pastes (as typed input). */
export function attachViewKeys(term: Terminal, onFind: () => void): void {
  term.attachCustomKeyEventHandler((event) => {
    const action = terminalKeyAction(event);
    if (!action) return true;
    event.preventDefault();
    if (action === 'find') onFind();
    else if (action === 'copy') {
      const selection = term.getSelection();
      if (selection) void navigator.clipboard.writeText(selection).catch((e: unknown) => console.error('terminal: copy failed', e));
    } else {
      void navigator.clipboard.readText().then((text) => term.paste(text), (e: unknown) => console.error('terminal: paste failed', e));
    }
    return false;
  });
}
