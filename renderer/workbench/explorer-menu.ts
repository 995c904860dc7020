import { languageForFile } from '../../common/languages';
import type { FileEntry } from '../../common/types';
import { runFile } from '../run/run-actions';
import { workbench } from '../state/store';
import { attempt, deleteEntry, notify, revealActiveFile } from './actions';
import type { MenuEntry } from './ContextMenu';

// What the Explorer's context menu offers for a row (or for the folder itself when `entry` is
// null), as VS Code's Explorer does (issue 11).

export interface ExplorerMenuHandlers {
  startNew: (kind: 'file' | 'directory', parent: string) => void;
  startRename: (path: string) => void;
}

/** The absolute path on the host: the workspace root joined with the host's own separator. */
export function absolutePath(root: string, relative: string): string {
  const separator = root.includes('\\') && !root.includes('/') ? '\\' : '/';
  return `${root.replace(/[\\/]+$/, '')}${separator}${relative.split('/').join(separator)}`;
}

async function copyText(text: string, what: string): Promise<void> {
  const copied = await attempt(`Cannot copy the ${what}`, async () => {
    await navigator.clipboard.writeText(text);
    return true;
  });
  if (copied) notify(`Copied ${text}`, 'info');
}

export function explorerMenu(entry: FileEntry | null, handlers: ExplorerMenuHandlers): MenuEntry[] {
  const root = workbench.get().workspace?.root ?? '';
  const folder = entry === null ? '' : entry.kind === 'directory' ? entry.path : entry.path.split('/').slice(0, -1).join('/');
  const runnable = entry?.kind === 'file' && languageForFile(entry.path) !== null;
  const items: MenuEntry[] = [
    { id: 'new-file', label: 'New File…', run: () => handlers.startNew('file', folder) },
    { id: 'new-folder', label: 'New Folder…', run: () => handlers.startNew('directory', folder) },
  ];
  if (entry) {
    items.push(
      'separator',
      { id: 'run', label: 'Run', disabled: !runnable, run: () => runFile(entry.path) },
      'separator',
      { id: 'copy-path', label: 'Copy Path', run: () => copyText(absolutePath(root, entry.path), 'path') },
      { id: 'copy-relative-path', label: 'Copy Relative Path', run: () => copyText(entry.path, 'relative path') },
      'separator',
      { id: 'rename', label: 'Rename…', run: () => handlers.startRename(entry.path) },
      { id: 'delete', label: 'Delete', run: () => deleteEntry(entry.path) },
    );
  }
  items.push(
    'separator',
    { id: 'reveal', label: 'Reveal Active File', disabled: workbench.get().activeTab === null, run: () => revealActiveFile() },
    { id: 'collapse', label: 'Collapse All', run: () => workbench.set({ expanded: {} }) },
  );
  return items;
}
