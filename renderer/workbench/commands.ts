import { workbench } from '../state/store';
import {
  closeFolder,
  closeTab,
  revealActiveFile,
  newTerminal,
  pickAndOpenFolder,
  saveAll,
  saveFile,
  togglePanel,
  toggleTerminal,
  updateSettings,
} from './actions';
import { buildImages, cancelRun, runActiveFile } from '../run/run-actions';
import { runEditorAction } from '../editor/active-editor';
import { showSearch } from './search-actions';
import { endRoom, shareWorkspace } from '../collab/session';
import { inRoom } from '../collab/room-mode';
import { showLogs } from './LogsDialog';

// Every action the workbench offers, with its keys: the command palette lists these, the global
// key handler and Monaco's own key handler run them, so a shortcut and a menu never disagree.

export interface Command {
  id: string;
  title: string;
  keys?: string;
  /** When false the command is hidden from the palette (e.g. needs an open folder). */
  when?: () => boolean;
  run: () => unknown;
}

const hasFolder = () => workbench.get().workspace !== null;
const hasTab = () => workbench.get().activeTab !== null;
const isElectron = () => typeof window !== 'undefined' && window.codecrafter !== undefined;

export const COMMANDS: Command[] = [
  { id: 'workbench.quickOpen', title: 'Go to File…', keys: 'Ctrl+P', when: hasFolder, run: () => workbench.set({ picker: 'files' }) },
  { id: 'workbench.commands', title: 'Show All Commands', keys: 'Ctrl+Shift+P', run: () => workbench.set({ picker: 'commands' }) },
  { id: 'file.save', title: 'File: Save', keys: 'Ctrl+S', when: hasTab, run: () => saveFile() },
  { id: 'file.saveAll', title: 'File: Save All', when: hasFolder, run: () => saveAll() },
  {
    id: 'file.closeTab',
    title: 'View: Close Editor',
    when: hasTab,
    run: () => {
      const tab = workbench.get().activeTab;
      if (tab) return closeTab(tab);
    },
  },
  { id: 'file.openFolder', title: 'File: Open Folder…', keys: 'Ctrl+O', when: isElectron, run: () => pickAndOpenFolder() },
  { id: 'file.closeFolder', title: 'File: Close Folder', when: hasFolder, run: () => closeFolder() },
  {
    id: 'file.newFile',
    title: 'File: New File…',
    when: hasFolder,
    run: () => window.dispatchEvent(new CustomEvent('codecrafter:new-entry', { detail: 'file' })),
  },
  {
    id: 'file.newFolder',
    title: 'File: New Folder…',
    when: hasFolder,
    run: () => window.dispatchEvent(new CustomEvent('codecrafter:new-entry', { detail: 'directory' })),
  },
  { id: 'run.start', title: 'Run: Run Active File', keys: 'Ctrl+Enter', when: hasTab, run: () => runActiveFile() },
  { id: 'run.stop', title: 'Run: Stop', run: () => cancelRun() },
  { id: 'run.buildImages', title: 'Run: Build Sandbox Images', run: () => buildImages() },
  { id: 'terminal.toggle', title: 'View: Toggle Terminal', keys: 'Ctrl+`', run: () => toggleTerminal() },
  { id: 'view.togglePanel', title: 'View: Toggle Panel', keys: 'Ctrl+J', run: () => togglePanel() },
  { id: 'terminal.new', title: 'Terminal: Create New Terminal', keys: 'Ctrl+Shift+`', run: () => newTerminal() },
  { id: 'view.search', title: 'View: Show Search', keys: 'Ctrl+Shift+F', when: hasFolder, run: () => showSearch() },
  { id: 'editor.gotoLine', title: 'Go to Line/Column…', keys: 'Ctrl+G', when: hasTab, run: () => runEditorAction('editor.action.gotoLine') },
  { id: 'editor.changeLanguage', title: 'Change Language Mode', when: hasTab, run: () => workbench.set({ picker: 'languages' }) },
  { id: 'explorer.revealActiveFile', title: 'File: Reveal Active File in Explorer', when: hasTab, run: () => revealActiveFile() },
  { id: 'explorer.collapseAll', title: 'View: Collapse Folders in Explorer', when: hasFolder, run: () => workbench.set({ expanded: {} }) },
  { id: 'view.explorer', title: 'View: Show Explorer', keys: 'Ctrl+Shift+E', run: () => workbench.set({ sideView: 'explorer', sideBarVisible: true }) },
  { id: 'view.toggleSideBar', title: 'View: Toggle Side Bar', keys: 'Ctrl+B', run: () => workbench.set((s) => ({ sideBarVisible: !s.sideBarVisible })) },
  { id: 'collab.share', title: 'Collaboration: Share Workspace', when: () => hasFolder() && !inRoom(), run: () => shareWorkspace() },
  { id: 'collab.join', title: 'Collaboration: Join Room…', when: () => !inRoom(), run: () => workbench.set({ sideView: 'collab', sideBarVisible: true }) },
  { id: 'collab.leave', title: 'Collaboration: Leave Room', when: inRoom, run: () => endRoom() },
  { id: 'view.collab', title: 'View: Show Collaboration', run: () => workbench.set({ sideView: 'collab', sideBarVisible: true }) },
  { id: 'view.replay', title: 'View: Show Replay', run: () => workbench.set({ sideView: 'replay', sideBarVisible: true }) },
  { id: 'view.settings', title: 'Preferences: Open Settings', keys: 'Ctrl+,', run: () => workbench.set({ sideView: 'settings', sideBarVisible: true }) },
  { id: 'developer.showLogs', title: 'Developer: Show Logs', run: () => showLogs() },
  {
    id: 'view.toggleTheme',
    title: 'Preferences: Toggle Light/Dark Theme',
    run: () => updateSettings({ theme: workbench.get().settings.theme === 'dark' ? 'light' : 'dark' }),
  },
];

export function runCommand(id: string): void {
  const command = COMMANDS.find((c) => c.id === id);
  if (command && (command.when?.() ?? true)) void command.run();
}

/** Key handler for the page outside Monaco (which has its own, see EditorPane). */
export function handleGlobalKey(event: KeyboardEvent): void {
  const mod = event.ctrlKey || event.metaKey;
  if (!mod) return;
  const key = event.key.toLowerCase();
  let id: string | undefined;
  if (event.code === 'Backquote' && event.ctrlKey) id = event.shiftKey ? 'terminal.new' : 'terminal.toggle';
  else if (key === 'p') id = event.shiftKey ? 'workbench.commands' : 'workbench.quickOpen';
  else if (key === 's' && !event.shiftKey) id = 'file.save';
  else if (key === 'enter' && !event.shiftKey) id = 'run.start';
  else if (key === 'o' && !event.shiftKey) id = 'file.openFolder';
  else if (key === 'b' && !event.shiftKey) id = 'view.toggleSideBar';
  else if (key === 'e' && event.shiftKey) id = 'view.explorer';
  else if (key === 'f' && event.shiftKey) id = 'view.search';
  else if (key === 'g' && !event.shiftKey) id = 'editor.gotoLine';
  else if (key === 'j' && !event.shiftKey) id = 'view.togglePanel';
  else if (key === ',') id = 'view.settings';
  if (!id) return;
  // Inside the terminal, Ctrl+` and Ctrl+Shift+P still belong to the workbench; other keys go to the shell.
  const inTerminal = Boolean((event.target as Element | null)?.closest?.('.xterm'));
  if (inTerminal && !['terminal.toggle', 'terminal.new', 'workbench.commands', 'workbench.quickOpen', 'view.search', 'view.togglePanel'].includes(id)) return;
  event.preventDefault();
  event.stopPropagation();
  runCommand(id);
}
