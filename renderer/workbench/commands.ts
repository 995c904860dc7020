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
import { activeEditor } from '../app-context';
import { showSearch } from './search-actions';
import { endRoom, shareWorkspace } from '../collab/session';
import { inRoom } from '../collab/room-mode';
import { bindChords, chordLabel, isMacPlatform, matchesChord, parseChord, type KeyChord } from './keybindings';
import { showLogs } from './LogsDialog';
import { makeReport } from '../interview/interview-actions';
import { interviewState } from '../interview/interview-state';

// Every action the workbench offers, with its keys: the command palette lists these, the global
// key handler and Monaco's own key handler run them, so a shortcut and a menu never disagree.

export interface Command {
  id: string;
  title: string;
  /** The shortcut, written once (see keybindings.ts): "Mod" is Ctrl, or Cmd on macOS; "Ctrl" is Ctrl everywhere. */
  keys?: string;
  /** Monaco runs it too instead of its own binding for those keys (EditorPane). */
  inEditor?: boolean;
  /** The page handles the keys even while the terminal has focus (others go to the shell). */
  inTerminal?: boolean;
  /** When false the command is hidden from the palette (e.g. needs an open folder). */
  when?: () => boolean;
  run: () => unknown;
}

const hasFolder = () => workbench.get().workspace !== null;
const hasTab = () => workbench.get().activeTab !== null;
const isElectron = () => typeof window !== 'undefined' && window.codecrafter !== undefined;

export const COMMANDS: Command[] = [
  { id: 'workbench.quickOpen', inTerminal: true, inEditor: true, title: 'Go to File…', keys: 'Mod+P', when: hasFolder, run: () => workbench.set({ picker: 'files' }) },
  { id: 'workbench.commands', inTerminal: true, inEditor: true, title: 'Show All Commands', keys: 'Mod+Shift+P', run: () => workbench.set({ picker: 'commands' }) },
  { id: 'file.save', inEditor: true, title: 'File: Save', keys: 'Mod+S', when: hasTab, run: () => saveFile() },
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
  { id: 'file.openFolder', title: 'File: Open Folder…', keys: 'Mod+O', when: isElectron, run: () => pickAndOpenFolder() },
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
  { id: 'run.start', inEditor: true, title: 'Run: Run Active File', keys: 'Mod+Enter', when: hasTab, run: () => runActiveFile() },
  { id: 'run.stop', title: 'Run: Stop', run: () => cancelRun() },
  { id: 'run.buildImages', title: 'Run: Build Sandbox Images', run: () => buildImages() },
  { id: 'terminal.toggle', inTerminal: true, inEditor: true, title: 'View: Toggle Terminal', keys: 'Ctrl+`', run: () => toggleTerminal() },
  { id: 'view.togglePanel', inTerminal: true, title: 'View: Toggle Panel', keys: 'Mod+J', run: () => togglePanel() },
  { id: 'terminal.new', inTerminal: true, title: 'Terminal: Create New Terminal', keys: 'Ctrl+Shift+`', run: () => newTerminal() },
  { id: 'view.search', inTerminal: true, title: 'View: Show Search', keys: 'Mod+Shift+F', when: hasFolder, run: () => showSearch() },
  { id: 'editor.gotoLine', title: 'Go to Line/Column…', keys: 'Mod+G', when: hasTab, run: () => activeEditor.runAction('editor.action.gotoLine') },
  { id: 'editor.changeLanguage', title: 'Change Language Mode', when: hasTab, run: () => workbench.set({ picker: 'languages' }) },
  { id: 'explorer.revealActiveFile', title: 'File: Reveal Active File in Explorer', when: hasTab, run: () => revealActiveFile() },
  { id: 'explorer.collapseAll', title: 'View: Collapse Folders in Explorer', when: hasFolder, run: () => workbench.set({ expanded: {} }) },
  { id: 'view.explorer', title: 'View: Show Explorer', keys: 'Mod+Shift+E', run: () => workbench.set({ sideView: 'explorer', sideBarVisible: true }) },
  { id: 'view.toggleSideBar', title: 'View: Toggle Side Bar', keys: 'Mod+B', run: () => workbench.set((s) => ({ sideBarVisible: !s.sideBarVisible })) },
  { id: 'collab.share', title: 'Collaboration: Share Workspace', when: () => hasFolder() && !inRoom(), run: () => shareWorkspace() },
  { id: 'collab.join', title: 'Collaboration: Join Room…', when: () => !inRoom(), run: () => workbench.set({ sideView: 'collab', sideBarVisible: true }) },
  { id: 'collab.leave', title: 'Collaboration: Leave Room', when: inRoom, run: () => endRoom() },
  { id: 'view.collab', title: 'View: Show Collaboration', run: () => workbench.set({ sideView: 'collab', sideBarVisible: true }) },
  { id: 'interview.start', title: 'Interview: Start Interview…', when: () => !inRoom(), run: () => workbench.set({ sideView: 'interview', sideBarVisible: true }) },
  { id: 'interview.report', title: 'Interview: Write Report', when: () => interviewState.get().side === 'interviewer', run: () => makeReport() },
  { id: 'view.interview', title: 'View: Show Interview', run: () => workbench.set({ sideView: 'interview', sideBarVisible: true }) },
  { id: 'view.replay', title: 'View: Show Replay', run: () => workbench.set({ sideView: 'replay', sideBarVisible: true }) },
  { id: 'view.settings', title: 'Preferences: Open Settings', keys: 'Mod+,', run: () => workbench.set({ sideView: 'settings', sideBarVisible: true }) },
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

// Parsed once at load: a misspelt key or two commands on one chord fail here, loudly.
const bindings = bindChords(COMMANDS).map(({ entry, chord }) => ({ command: entry, chord }));

/** The palette's label for a command's shortcut, in the platform's own notation. */
export function keysLabel(command: Command): string | undefined {
  return command.keys ? chordLabel(parseChord(command.keys), isMacPlatform()) : undefined;
}

/** The commands Monaco must run itself (it would otherwise consume their keys), with their chords. */
export function editorBindings(): { id: string; chord: KeyChord }[] {
  return bindings.filter((b) => b.command.inEditor).map((b) => ({ id: b.command.id, chord: b.chord }));
}

/** Key handler for the page outside Monaco (which has its own, see EditorPane). */
export function handleGlobalKey(event: KeyboardEvent): void {
  if (!event.ctrlKey && !event.metaKey) return;
  const isMac = isMacPlatform();
  const match = bindings.find((b) => matchesChord(event, b.chord, isMac));
  if (!match) return;
  // Inside the terminal only the workbench-wide keys are ours; the others go to the shell.
  const inTerminal = Boolean((event.target as Element | null)?.closest?.('.xterm'));
  if (inTerminal && !match.command.inTerminal) return;
  event.preventDefault();
  event.stopPropagation();
  runCommand(match.command.id);
}
