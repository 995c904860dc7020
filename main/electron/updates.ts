import { app, dialog, type BrowserWindow } from 'electron';
import type { AppUpdater } from 'electron-updater';
import { shouldCheckForUpdates, UPDATE_CHECK_INTERVAL_MS, UPDATER_OPTIONS } from './update-policy';
import { getLogger } from '../log/log-service';

const log = getLogger('updates');

/**
 * electron-updater, off by default: `setEnabled` follows the "Check for updates" setting. When an
 * update is found the user is asked before it downloads, and again before the app restarts.
 */
export class UpdateChecker {
  private updater: AppUpdater | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly getWindow: () => BrowserWindow | undefined) {}

  async setEnabled(enabled: boolean): Promise<void> {
    if (!shouldCheckForUpdates({ host: 'electron', packaged: app.isPackaged, enabled })) {
      clearInterval(this.timer);
      this.timer = undefined;
      return;
    }
    if (this.timer) return;
    // Loaded only once the user asked for it: a user who never turns updates on never runs it.
    this.updater ??= this.configure((await import('electron-updater')).autoUpdater);
    this.timer = setInterval(() => this.check(), UPDATE_CHECK_INTERVAL_MS);
    this.check();
  }

  dispose(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private check(): void {
    this.updater?.checkForUpdates().catch((error: unknown) => {
      log.warn({ err: error }, 'checking for updates failed');
    });
  }

  private configure(updater: AppUpdater): AppUpdater {
    Object.assign(updater, UPDATER_OPTIONS);
    updater.on('update-available', (info) => {
      void this.ask(`CodeCrafter ${info.version} is available (you have ${app.getVersion()}). Download it now?`, 'Download').then(
        (yes) => {
          if (yes) updater.downloadUpdate().catch((error: unknown) => log.error({ err: error }, 'downloading the update failed'));
        },
      );
    });
    updater.on('update-downloaded', (info) => {
      void this.ask(`CodeCrafter ${info.version} is downloaded. Restart now to install it?`, 'Restart').then((yes) => {
        if (yes) updater.quitAndInstall();
      });
    });
    return updater;
  }

  private async ask(message: string, action: string): Promise<boolean> {
    const options = { type: 'info' as const, message, buttons: [action, 'Later'], defaultId: 0, cancelId: 1 };
    const window = this.getWindow();
    const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
    return response === 0;
  }
}
