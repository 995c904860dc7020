import type { ImageName, LanguageId } from './languages';
import type { Verdict } from './sandbox';

// Domain types shared by main and the renderer.

export interface AppInfo {
  name: string;
  version: string;
  /** Which host serves the renderer. */
  host: 'electron' | 'web';
  platform: string;
  dataDir: string;
}

export interface Notice {
  id: string;
  level: 'info' | 'warning' | 'error';
  message: string;
}

export interface WorkspaceInfo {
  /** Absolute folder on the host. */
  root: string;
  name: string;
}

export interface FileEntry {
  path: string;
  kind: 'file' | 'directory';
  size: number;
  mtimeMs: number;
}

export interface FileTree {
  entries: FileEntry[];
  /** True when the folder holds more entries than the host lists at once. */
  truncated: boolean;
}

export interface FileContent {
  path: string;
  content: string;
  mtimeMs: number;
}

export type FileChangeKind = 'created' | 'changed' | 'deleted';

export interface FileChange {
  kind: FileChangeKind;
  path: string;
  /** Known only for 'created' and 'changed'. */
  entryKind?: 'file' | 'directory';
}

export interface RecentWorkspace {
  path: string;
  name: string;
  openedAt: number;
}

export interface Settings {
  theme: 'dark' | 'light';
  fontSize: number;
  terminalFontSize: number;
  /** As VS Code's terminal.integrated.gpuAcceleration: WebGL unless it failed in this window, always, or never (the DOM renderer). */
  terminalGpuAcceleration: 'auto' | 'on' | 'off';
  /** Empty means the user's login shell. */
  shell: string;
  /** A solo user without Docker may run code on this machine, unsandboxed; never in a room. */
  allowUnsandboxed: boolean;
  /** Desktop app only: look for a new release (electron-updater) and offer it; off until the user turns it on. */
  checkForUpdates: boolean;
  /** Editor indentation, applied to every open file (issue 11). */
  tabSize: number;
  insertSpaces: boolean;
  wordWrap: 'off' | 'on';
  /** As VS Code's files.autoSave: never, a delay after the last edit, or when the editor loses focus. */
  autoSave: 'off' | 'afterDelay' | 'onFocusChange';
  autoSaveDelayMs: number;
  /** The name others see in a room; empty until the user is asked on first share or join (issue 11). */
  displayName: string;
  /** The user's colour in a room (#rrggbb); empty means one picked from the client id. */
  userColor: string;
  /** Files the members of a room this user hosts may add to the folder (issue 8). */
  roomMaxFiles: number;
  /** Megabytes the members of a room this user hosts may add to the folder (issue 8). */
  roomMaxMegabytes: number;
  /** The last choice made when sharing: the room's signalling server on the LAN, or loopback only (issue 8). */
  roomSignalLan: boolean;
  /** Members of a room this user hosts may run the room's code in this machine's sandbox (issue 8). */
  guestRunsAllowed: boolean;
  /** Runs use the room container (the hosted room's, else the open folder's) when there is one (issue 10). */
  runInRoomContainer: boolean;
  /** Runs one member may start per minute on this machine (token bucket, issue 8). */
  guestRunsPerMinute: number;
  /** Runs of one member that may go on at once on this machine. */
  guestRunsInFlight: number;
}

export const DEFAULT_SETTINGS: Settings = {
  theme: 'dark',
  fontSize: 14,
  terminalFontSize: 13,
  terminalGpuAcceleration: 'auto',
  shell: '',
  runInRoomContainer: true,
  allowUnsandboxed: false,
  checkForUpdates: false,
  tabSize: 4,
  insertSpaces: true,
  wordWrap: 'off',
  autoSave: 'off',
  autoSaveDelayMs: 1000,
  displayName: '',
  userColor: '',
  roomMaxFiles: 2000,
  roomMaxMegabytes: 50,
  roomSignalLan: false,
  guestRunsAllowed: true,
  guestRunsPerMinute: 6,
  guestRunsInFlight: 1,
};

export interface TerminalInfo {
  id: string;
  title: string;
  shell: string;
  cwd: string;
}

/** A shell the user can open a terminal with (from /etc/shells). */
export interface TerminalProfile {
  name: string;
  /** Absolute path of the shell binary. */
  shell: string;
}

/** Docker and image state as the run panel shows it. */
export interface SandboxStatus {
  docker: 'ok' | 'missing' | 'error';
  message?: string;
  images: { language: LanguageId; image: ImageName; tag: string | null; present: boolean }[];
}

/** One step of `images` building the sandbox images. */
export interface ImageBuildProgress {
  image: string;
  tag: string;
  state: 'skipped' | 'building' | 'log' | 'done' | 'failed';
  message?: string;
  /** Images finished so far and in total, for a progress bar. */
  done: number;
  total: number;
}

/** A run as kept in the workspace's execution history. */
export interface StoredRun {
  runId: string;
  workspace: string;
  language: string;
  entry: string;
  verdict: Verdict;
  sandboxed: boolean;
  exitCode: number | null;
  signal: string | null;
  wallMs: number;
  cpuMs: number | null;
  peakMemoryKb: number | null;
  message: string | null;
  /** The first part of stdout and stderr, interleaved as they arrived. */
  output: string;
  startedAt: number;
}
