import { app, BrowserWindow, dialog, session, shell } from 'electron';
import path from 'node:path';
import { channelName } from '../../common/rpc';
import type { Settings } from '../../common/types';
import { createHostServices, type HostServices } from '../host/services';
import { closeLogFile, getLogger, openLogFile } from '../log/log-service';
import { ensurePrivateDir } from '../store/private-files';
import { startupErrorBox } from './startup-failure';
import { serveContractOverIpc, servePtyPortRequests } from './ipc';
import { electronSecretBox } from './safe-storage';
import { InviteRouter } from './invites';
import { installMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { guardSession } from './session-guard';
import { UpdateChecker } from './updates';
import { createMainWindow } from './window';
import { startUtilityPtyHost } from './pty-host-starter';
import { electronPdfPrinter } from './print-to-pdf';

// The Electron shell stays thin: a secure window, the menu, a folder dialog, and the same services
// the browser host serves, reached over validated IPC.

const distDir = path.resolve(__dirname, '..');
let mainWindow: BrowserWindow | undefined;
let services: HostServices | undefined;
let logFolder: string | null = null;
const log = getLogger('electron');
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
  // `.then(start).catch(fail)`, not `.then(start, fail)`: the second form never sees what start
  // throws (a database from a newer version left no window and no message, issue 12).
  app.whenReady().then(async () => {
    // Before any page loads, so no permission is ever granted by Electron's default.
    guardSession(session.defaultSession);
    serveRenderer(path.join(distDir, 'renderer'));
    // userData is ours even before our database exists (Chromium fills it first), so make it
    // private here; the data-folder check in openAppDatabase would leave a full folder alone.
    ensurePrivateDir(app.getPath('userData'));
    logFolder = await openLogFile(app.getPath('userData'));
    log.info({ version: app.getVersion(), platform: process.platform }, 'starting');
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
      printToPdf: electronPdfPrinter,
      pendingInvite: () => invites.take(),
      async pickFolder() {
        const result = mainWindow
          ? await dialog.showOpenDialog(mainWindow, { properties: ['openDirectory', 'createDirectory'] })
          : await dialog.showOpenDialog({ properties: ['openDirectory', 'createDirectory'] });
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      openFolder: async (folder) => {
        // shell.openPath answers an error text rather than throwing.
        const failure = await shell.openPath(folder);
        if (failure) throw new Error(`Could not open ${folder}: ${failure}`);
      },
    });
    invites.attach(services.hub);
    serveContractOverIpc(services, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
    // Each page load asks for its port (a reload lost the window's); a pty host that starts later
    // hands every window one by itself (ptyHost above).
    servePtyPortRequests((contents) => lastPtyHost?.attachWindow(contents));
    installMenu(() => mainWindow);
    mainWindow = createMainWindow(distDir);
    // A room never outlives the page that hosts it (issue 8 item 7): the window closing, or its
    // page reloading (the room's state lived in that page), stops its signalling server.
    const contents = mainWindow.webContents;
    const pageGone = () => void services?.connectionClosed(`electron:${contents.id}`).catch((error: unknown) => log.error({ err: error }, 'could not stop the room of a closed window'));
    contents.on('did-start-loading', pageGone);
    contents.on('render-process-gone', pageGone);
    mainWindow.on('closed', () => {
      pageGone();
      mainWindow = undefined;
    });
    followUpdateSetting(services);
  }).catch((error: unknown) => {
    log.fatal({ err: error }, 'start-up failed');
    const box = startupErrorBox(error, logFolder);
    dialog.showErrorBox(box.title, box.content);
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
    void services
      .dispose()
      .catch((error: unknown) => log.error({ err: error }, 'disposing the services at quit failed'))
      .finally(() => {
        closeLogFile();
        app.quit();
      });
  });
}

/** Update checks follow the "Check for updates" setting: read at start, then on every change. */
function followUpdateSetting(host: HostServices): void {
  const apply = (settings: Settings) => {
    updates.setEnabled(settings.checkForUpdates).catch((error: unknown) => log.error({ err: error }, 'update checks could not start'));
  };
  void host.dispatcher.call(channelName('settings', 'get'), undefined, { origin: 'electron:main' }).then((result) => {
    // A failed read is logged by the dispatcher (main/log/logged-dispatcher.ts); checks stay off.
    if (result.ok) apply(result.value as Settings);
  });
  host.hub.on(channelName('settings', 'onDidChange'), (payload) => apply(payload as Settings));
}
