import { LANGUAGES } from '../../common/languages';
import { runs } from '../app-context';
import { workbench } from '../state/store';
import { openFile } from '../workbench/actions';

// The run panel's actions as the window's components, keys and menus call them: the window's
// run controller (run-controller.ts, made in app-context.ts) plus what needs the workbench.

export const { runLanguageFor, refreshSandboxStatus, refreshRunHistory, runActiveFile, handleRunEvent, cancelRun, buildImages, handleBuildProgress, setGuestRunner, showRoomRun } = runs;
export type { GuestRunner, PanelEvent, RoomRunUpdate } from './run-controller';

/** Opens a file (so what runs is the editor's text) and runs it, e.g. from the Explorer's menu. */
export async function runFile(path: string): Promise<void> {
  await openFile(path);
  if (workbench.get().activeTab === path) await runs.runActiveFile();
}

export const RUNNABLE_LANGUAGES = Object.values(LANGUAGES);
