/** What a key does inside a terminal before the shell sees it; null passes it to the shell. */
export type TerminalKeyAction = 'find' | 'copy' | 'paste';

export function terminalKeyAction(event: KeyboardEvent): TerminalKeyAction | null {
  if (event.type !== 'keydown' || !event.ctrlKey || event.altKey || event.metaKey) return null;
  const key = event.key.toLowerCase();
  // Ctrl+Shift+F stays the workbench's Search across files, as in VS Code (commands.ts lets it
  // through the terminal); find in the terminal is Ctrl+F.
  if (event.shiftKey) {
    if (key === 'c') return 'copy';
    if (key === 'v') return 'paste';
    return null;
  }
  // Plain Ctrl+F while the terminal has focus opens find, as in VS Code (the shell's ^F is rare).
  return key === 'f' ? 'find' : null;
}
