import { create, createStore } from 'zustand';
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
import type { SearchResult } from '../../common/search';
import { DEFAULT_SETTINGS } from '../../common/types';
import type { ConnectionState } from '../ws-transport';
import { EMPTY_COLLAB, type CollabState } from '../collab/collab-state';
import { initialInterviewState, type InterviewUiState } from '../interview/interview-slice';

// The workbench's UI state. Only this file imports zustand (as Excalidraw wraps jotai), so the
// state library can change without touching components.

export type SideView = 'explorer' | 'search' | 'replay' | 'settings' | 'collab' | 'interview';
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
  /** When the run was asked for (Date.now()), for the elapsed-time counter. */
  startedAt?: number;
  queuePosition?: number;
  output: OutputChunk[];
  outputChars: number;
  result?: RunSummary;
  /** A run on a room host's machine (issue 8): where it runs, and whether this window asked for it. */
  remote?: { where: string; mine: boolean };
}

/** What the panel shows of a finished run; a live result and a stored one both have it. */
export type RunSummary = Pick<RunResult, 'verdict' | 'exitCode' | 'signal' | 'wallMs' | 'cpuMs' | 'peakMemoryKb' | 'sandboxed' | 'message' | 'inRoomContainer'>;
export type Picker = 'files' | 'commands' | 'languages' | null;

export interface Toast extends Notice {
  /**
   * The cause this notice is about (e.g. "docker", "open-folder"): a new notice with the same key
   * replaces it, and clearing the key removes it once the cause is gone (issue 11).
   */
  key?: string;
  /** A follow-up the user can take, e.g. "Open folder". */
  action?: { label: string; run: () => void };
}

export interface ConfirmChoice {
  id: string;
  label: string;
  /** The button focused when the dialog opens, styled as the main action. */
  primary?: boolean;
  danger?: boolean;
}

/** A modal question; Cancel (and Escape) always answers 'cancel'. */
export interface ConfirmRequest {
  title: string;
  message: string;
  choices: ConfirmChoice[];
  resolve: (choice: string) => void;
}

/** The Search view (Ctrl+Shift+F): what was asked and what came back; kept while other views show. */
export interface SearchViewState {
  query: string;
  isRegex: boolean;
  matchCase: boolean;
  wholeWord: boolean;
  /** Comma-separated globs, as typed. */
  include: string;
  exclude: string;
  result: SearchResult | null;
  /** Why the last search could not run (a bad pattern, no folder). */
  error: string | null;
  searching: boolean;
}

export const EMPTY_SEARCH: SearchViewState = {
  query: '',
  isRegex: false,
  matchCase: false,
  wholeWord: false,
  include: '',
  exclude: '',
  result: null,
  error: null,
  searching: false,
};

/** Run limits as typed in the run panel: text, so a half-typed value can be shown as invalid. */
export interface RunLimitFields {
  timeMs: string;
  memoryMb: string;
}

/** The window's layout, the folder and its files, the editor and the notices. */
export interface WorkbenchSlice {
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
  settings: Settings;
  /** The caret, and how many characters are selected (0 for none). */
  cursor: { line: number; column: number; selected?: number } | null;
  language: string | null;
  /** Language modes the user picked for files, by path; otherwise the file name decides. */
  languageOverrides: Record<string, string>;
  picker: Picker;
  confirm: ConfirmRequest | null;
  toasts: Toast[];
  search: SearchViewState;
}

/** Runs: what the run panel shows and asks with, and the sandbox's state. */
export interface RunSlice {
  /** The language the user picked for runs; null follows the active file. */
  runLanguage: LanguageId | null;
  /** Standard input per file, so switching files switches the stdin box (issue 11). */
  stdinByFile: Record<string, string>;
  runLimits: RunLimitFields;
  currentRun: CurrentRun | null;
  runHistory: StoredRun[];
  sandboxStatus: SandboxStatus | null;
  imageBuild: ImageBuildProgress | null;
}

export interface TerminalSlice {
  terminals: TerminalInfo[];
  activeTerminal: string | null;
  /** The terminal shown beside the active one (split), if any. */
  terminalSplit: string | null;
}

export interface RecordingStatus {
  /** 'off' without a folder; 'starting' until the host answers begin. */
  state: 'off' | 'starting' | 'saving' | 'saved' | 'error';
  sessionId: string | null;
  /** Every update up to this number is committed to the history database. */
  durableSeq: number;
  /** The number the host gave this window's last pushed update. */
  pushedSeq: number;
  message?: string;
}

/** History and replay: how far the recording is stored, and which session the player shows. */
export interface ReplaySlice {
  recording: RecordingStatus;
  /** The session the player shows, or null when the player is closed. */
  playerSession: string | null;
  /** A moment (ms since the epoch) the player opens at, e.g. an interview note's (issue 9). */
  playerAt: number | null;
}

export interface CollabSlice {
  /** The room this window shares or joined (issue 4). */
  collab: CollabState;
}

export interface InterviewSlice {
  /** The Interview view (issue 9): the bank, this window's side of an interview, its clock. */
  interview: InterviewUiState;
}

/**
 * The one store, as zustand's slices pattern: each area declares its part and its initial
 * value, and the parts are merged into one flat state, so a selector reads any of them and one
 * `set` can change several at once (e.g. opening a folder resets tabs and the recording).
 */
export type WorkbenchState = WorkbenchSlice & RunSlice & TerminalSlice & ReplaySlice & CollabSlice & InterviewSlice;

const workbenchSlice = (): WorkbenchSlice => ({
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
  settings: DEFAULT_SETTINGS,
  cursor: null,
  language: null,
  languageOverrides: {},
  picker: null,
  confirm: null,
  toasts: [],
  search: EMPTY_SEARCH,
});

const runSlice = (): RunSlice => ({
  runLanguage: null,
  stdinByFile: {},
  runLimits: { timeMs: '', memoryMb: '' },
  currentRun: null,
  runHistory: [],
  sandboxStatus: null,
  imageBuild: null,
});

const terminalSlice = (): TerminalSlice => ({ terminals: [], activeTerminal: null, terminalSplit: null });

const replaySlice = (): ReplaySlice => ({
  recording: { state: 'off', sessionId: null, durableSeq: 0, pushedSeq: 0 },
  playerSession: null,
  playerAt: null,
});

const collabSlice = (): CollabSlice => ({ collab: EMPTY_COLLAB });

const interviewSlice = (): InterviewSlice => ({ interview: initialInterviewState() });

export function initialWorkbenchState(): WorkbenchState {
  return { ...workbenchSlice(), ...runSlice(), ...terminalSlice(), ...replaySlice(), ...collabSlice(), ...interviewSlice() };
}

/** What controllers are given: read, change and watch the state, without React. */
export interface WorkbenchStore {
  get(): WorkbenchState;
  set(patch: Partial<WorkbenchState> | ((state: WorkbenchState) => Partial<WorkbenchState>)): void;
  subscribe(listener: (state: WorkbenchState, previous: WorkbenchState) => void): () => void;
}

/** A store of its own, e.g. for a controller's unit test; the window uses `workbench`. */
export function createWorkbenchStore(): WorkbenchStore {
  const store = createStore<WorkbenchState>()(initialWorkbenchState);
  return { get: store.getState, set: store.setState, subscribe: store.subscribe };
}

/** The window's store, as a React hook (`useWorkbench(selector)`). */
export const useWorkbench = create<WorkbenchState>()(initialWorkbenchState);

export const workbench: WorkbenchStore = {
  get: useWorkbench.getState,
  set: useWorkbench.setState,
  subscribe: useWorkbench.subscribe,
};
