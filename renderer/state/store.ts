import { create } from 'zustand';
import type {
  FileEntry,
  ImageBuildProgress,
  Notice,
  RecentWorkspace,
  SandboxStatus,
  Settings,
  StoredRun,
  TerminalInfo,
  WorkspaceInfo,
} from '../../common/types';
import type { LanguageId } from '../../common/languages';
import type { RunResult } from '../../common/sandbox';
import { DEFAULT_SETTINGS } from '../../common/types';
import type { ConnectionState } from '../ws-transport';
import { EMPTY_COLLAB, type CollabState } from '../collab/collab-state';

// The workbench's UI state. Only this file imports zustand (as Excalidraw wraps jotai), so the
// state library can change without touching components.

export type SideView = 'explorer' | 'replay' | 'settings' | 'collab';
export type PanelView = 'terminal' | 'run';

export interface OutputChunk {
  stream: 'stdout' | 'stderr' | 'system';
  data: string;
}

/** The run shown in the run panel: the one going on, or the last one. */
export interface CurrentRun {
  runId: string | null;
  entry: string;
  language: LanguageId;
  state: 'starting' | 'queued' | 'compiling' | 'running' | 'done';
  queuePosition?: number;
  output: OutputChunk[];
  outputChars: number;
  result?: RunSummary;
}

/** What the panel shows of a finished run; a live result and a stored one both have it. */
export type RunSummary = Pick<RunResult, 'verdict' | 'exitCode' | 'signal' | 'wallMs' | 'cpuMs' | 'peakMemoryKb' | 'sandboxed' | 'message'>;
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
  panelView: PanelView;
  /** The language the user picked for runs; null follows the active file. */
  runLanguage: LanguageId | null;
  stdin: string;
  currentRun: CurrentRun | null;
  runHistory: StoredRun[];
  sandboxStatus: SandboxStatus | null;
  imageBuild: ImageBuildProgress | null;
  terminals: TerminalInfo[];
  activeTerminal: string | null;
  /** The terminal shown beside the active one (split), if any. */
  terminalSplit: string | null;
  settings: Settings;
  cursor: { line: number; column: number } | null;
  language: string | null;
  picker: Picker;
  confirm: ConfirmRequest | null;
  toasts: Toast[];
  /** The room this window shares or joined (issue 4). */
  collab: CollabState;
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
  panelView: 'terminal',
  runLanguage: null,
  stdin: '',
  currentRun: null,
  runHistory: [],
  sandboxStatus: null,
  imageBuild: null,
  terminals: [],
  activeTerminal: null,
  terminalSplit: null,
  settings: DEFAULT_SETTINGS,
  cursor: null,
  language: null,
  picker: null,
  confirm: null,
  toasts: [],
  collab: EMPTY_COLLAB,
}));

export const workbench = {
  get: useWorkbench.getState,
  set: useWorkbench.setState,
  subscribe: useWorkbench.subscribe,
};
