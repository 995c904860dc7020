import type { AppInfo } from '../../common/types';

// When the desktop app looks for a new release (issue 11): only when the user turned "Check for
// updates" on in Settings, only in a packaged build (a development run has no release to compare
// with), and never in the browser host, which does not even load electron-updater (lint forbids
// the import outside main/electron/). Nothing is downloaded without asking.

export function shouldCheckForUpdates(state: { host: AppInfo['host']; packaged: boolean; enabled: boolean }): boolean {
  return state.host === 'electron' && state.packaged && state.enabled;
}

/** Applied to electron-updater's autoUpdater before its first check. */
export const UPDATER_OPTIONS = {
  autoDownload: false,
  autoInstallOnAppQuit: false,
  allowPrerelease: false,
  allowDowngrade: false,
} as const;

/** Once at start (or when turned on), then this often while the app stays open. */
export const UPDATE_CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000;
