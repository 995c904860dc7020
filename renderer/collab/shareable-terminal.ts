import type { TerminalInfo } from '../../common/types';
import { api } from '../host';
import { terminalViews } from '../app-context';
import { terminalTransport } from '../terminal/terminal-transport';
import type { ShareableTerminal } from './shared-terminal-host';

/** One of the host's terminals (local or room container) as sharing sees it. */
export function shareableTerminal(info: TerminalInfo): ShareableTerminal {
  const { cols, rows } = terminalViews.sizes.size(info.id);
  return {
    title: info.title,
    cols,
    rows,
    onData: (listener) => terminalTransport.onData((event) => event.id === info.id && listener(event.data)),
    screen: () => terminalViews.screens.screen(info.id) ?? '',
    onResize: (listener) => terminalViews.sizes.onDidResize((event) => event.id === info.id && listener(event)),
    write: (data) =>
      void api.terminal.write({ id: info.id, data }).catch((error: unknown) => console.warn(`shared terminal: input for ${info.id} was not delivered`, error)),
  };
}
