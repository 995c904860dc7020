import { app, BrowserWindow, dialog, session } from 'electron';
import path from 'node:path';
import { channelName } from '../../common/rpc';
import type { Settings } from '../../common/types';
import { createHostServices, type HostServices } from '../host/services';
import { ensurePrivateDir } from '../store/private-files';
import { serveContractOverIpc } from './ipc';
import { electronSecretBox } from './safe-storage';
import { InviteRouter } from './invites';
import { installMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { guardSession } from './session-guard';
import { UpdateChecker } from './updates';
import { createMainWindow } from './window';
import { startUtilityPtyHost } from './pty-host-starter';

// The Electron shell stays thin: a secure window, the menu, a folder dialog, and the same services
// the browser host serves, reached over validated IPC.

const distDir = path.resolve(__dirname, '..');
let mainWindow: BrowserWindow | undefined;
let services: HostServices | undefined;
const invites = new InviteRouter();
const updates = new UpdateChecker(() => mainWindow);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  invites.register();
  app.on('second-instance', (_event, argv) => {
    invites.fromSecondInstance(argv);
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app.whenReady().then(() => {
    // Before any page loads, so no permission is ever granted by Electron's default.
    guardSession(session.defaultSession);
    serveRenderer(path.join(distDir, 'renderer'));
    // userData is ours even before our database exists (Chromium fills it first), so make it
    // private here; the data-folder check in openAppDatabase would leave a full folder alone.
    ensurePrivateDir(app.getPath('userData'));
    // Terminals run in a utility process; each new pty host gets a port to every open window.
    const ptyHost = () => {
      const started = startUtilityPtyHost(path.join(__dirname, 'pty-host-utility.cjs'));
      for (const window of BrowserWindow.getAllWindows()) started.attachWindow(window.webContents);
      lastPtyHost = started;
      return started;
    };
    let lastPtyHost: ReturnType<typeof startUtilityPtyHost> | undefined;
    services = createHostServices({
      ptyHost,
      dataDir: app.getPath('userData'),
      host: 'electron',
      secretBox: electronSecretBox,
      pendingInvite: () => invites.take(),
      async pickFolder() {
        const result = mainWindow
          ? await dialog.showOpenDialog(mainWindow, { properties: ['openDirectory', 'createDirectory'] })
          : await dialog.showOpenDialog({ properties: ['openDirectory', 'createDirectory'] });
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
    });
    invites.attach(services.hub);
    serveContractOverIpc(services, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
    installMenu(() => mainWindow);
    mainWindow = createMainWindow(distDir);
    lastPtyHost?.attachWindow(mainWindow.webContents);
    mainWindow.on('closed', () => (mainWindow = undefined));
    followUpdateSetting(services);
  }, (error: unknown) => {
    dialog.showErrorBox('CodeCrafter could not start', error instanceof Error ? error.message : String(error));
    app.quit();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => updates.dispose());
  // Sandbox containers must be gone before the process is: hold the quit until they are removed.
  let disposed = false;
  app.on('will-quit', (event) => {
    if (!services || disposed) return;
    event.preventDefault();
    disposed = true;
    void services.dispose().finally(() => app.quit());
  });
}

/** Update checks follow the "Check for updates" setting: read at start, then on every change. */
function followUpdateSetting(host: HostServices): void {
  const apply = (settings: Settings) => {
    updates.setEnabled(settings.checkForUpdates).catch((error: unknown) => console.error('codecrafter: update checks could not start:', error));
  };
  void host.dispatcher.call(channelName('settings', 'get'), undefined, { origin: 'electron:main' }).then((result) => {
    if (result.ok) apply(result.value as Settings);
    else console.error('codecrafter: could not read settings for update checks:', result.error.message);
  });
  host.hub.on(channelName('settings', 'onDidChange'), (payload) => apply(payload as Settings));
}
