import { app, BrowserWindow, shell } from 'electron';
import path from 'node:path';
import { APP_ORIGIN } from '../../common/bridge';
import { isAppUrl, isSafeExternalUrl, secureWindowOptions } from './security';

/** The main window, with the options every window gets (VS Code's defaultBrowserWindowOptions). */
export function createMainWindow(distDir: string): BrowserWindow {
  const win = new BrowserWindow(secureWindowOptions(path.join(distDir, 'preload', 'preload.cjs'), { packaged: app.isPackaged }));
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}
