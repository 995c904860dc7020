import { app, BrowserWindow, dialog } from 'electron';
import path from 'node:path';
import { createHostServices, type HostServices } from '../host/services';
import { serveContractOverIpc } from './ipc';
import { electronSecretBox } from './safe-storage';
import { InviteRouter } from './invites';
import { installMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow } from './window';

// The Electron shell stays thin: a secure window, the menu, a folder dialog, and the same services
// the browser host serves, reached over validated IPC.

const distDir = path.resolve(__dirname, '..');
let mainWindow: BrowserWindow | undefined;
let services: HostServices | undefined;
const invites = new InviteRouter();

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
    serveRenderer(path.join(distDir, 'renderer'));
    services = createHostServices({
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
    mainWindow.on('closed', () => (mainWindow = undefined));
  }, (error: unknown) => {
    dialog.showErrorBox('CodeCrafter could not start', error instanceof Error ? error.message : String(error));
    app.quit();
  });
  app.on('window-all-closed', () => app.quit());
  // Sandbox containers must be gone before the process is: hold the quit until they are removed.
  let disposed = false;
  app.on('will-quit', (event) => {
    if (!services || disposed) return;
    event.preventDefault();
    disposed = true;
    void services.dispose().finally(() => app.quit());
  });
}
