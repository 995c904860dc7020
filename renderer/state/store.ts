import { create } from 'zustand';
import type { FileEntry, Notice, Settings, TerminalInfo, WorkspaceInfo, RecentWorkspace } from '../../common/types';
import { DEFAULT_SETTINGS } from '../../common/types';
import type { ConnectionState } from '../ws-transport';

// The workbench's UI state. Only this file imports zustand (as Excalidraw wraps jotai), so the
// state library can change without touching components.

export type SideView = 'explorer' | 'settings';
export type Picker = 'files' | 'commands' | null;

export interface Toast extends Notice {
  /** A follow-up the user can take, e.g. "Open folder". */
  action?: { label: string; run: () => void };
}

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  resolve: (confirmed: boolean) => void;
}

export interface WorkbenchState {
  connection: ConnectionState;
  workspace: WorkspaceInfo | null;
  recent: RecentWorkspace[];
  entries: FileEntry[];
  treeTruncated: boolean;
  expanded: Record<string, boolean>;
  selectedPath: string | null;
  tabs: string[];
  activeTab: string | null;
  dirty: Record<string, boolean>;
  /** Open files whose file on disk was deleted. */
  orphaned: Record<string, boolean>;
  sideView: SideView;
  sideBarVisible: boolean;
  panelVisible: boolean;
  terminals: TerminalInfo[];
  activeTerminal: string | null;
  settings: Settings;
  cursor: { line: number; column: number } | null;
  language: string | null;
  picker: Picker;
  confirm: ConfirmRequest | null;
  toasts: Toast[];
}

export const useWorkbench = create<WorkbenchState>(() => ({
  connection: 'connecting',
  workspace: null,
  recent: [],
  entries: [],
  treeTruncated: false,
  expanded: {},
  selectedPath: null,
  tabs: [],
  activeTab: null,
  dirty: {},
  orphaned: {},
  sideView: 'explorer',
  sideBarVisible: true,
  panelVisible: true,
  terminals: [],
  activeTerminal: null,
  settings: DEFAULT_SETTINGS,
  cursor: null,
  language: null,
  picker: null,
  confirm: null,
  toasts: [],
}));

export const workbench = {
  get: useWorkbench.getState,
  set: useWorkbench.setState,
  subscribe: useWorkbench.subscribe,
};
