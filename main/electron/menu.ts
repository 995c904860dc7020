import { app, Menu, type BrowserWindow } from 'electron';
import { menuTemplate, type SendKeys } from './menu-template';

/** Installs the application menu (menu-template.ts); its workbench entries become key presses. */
export function installMenu(getWindow: () => BrowserWindow | undefined): void {
  const send: SendKeys = (keyCode, modifiers) => () => {
    const contents = getWindow()?.webContents;
    if (!contents) return;
    const mods = modifiers.map((m) => (m === 'control' && process.platform === 'darwin' ? 'meta' : m));
    contents.sendInputEvent({ type: 'keyDown', keyCode, modifiers: mods });
    contents.sendInputEvent({ type: 'keyUp', keyCode, modifiers: mods });
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ platform: process.platform, packaged: app.isPackaged, send })));
}
