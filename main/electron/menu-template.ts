import type { MenuItemConstructorOptions } from 'electron';

// The application menu as data, so what a packaged build shows is unit-tested without Electron.
// Editing shortcuts come from Electron's roles; the workbench's own keys (Ctrl+S, Ctrl+P, Ctrl+`…)
// are handled in the renderer, so they are listed here for discovery and forwarded as key presses
// rather than implemented twice.

export type KeyModifier = 'control' | 'shift';
export type SendKeys = (keyCode: string, modifiers: KeyModifier[]) => () => void;

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** app.isPackaged: release builds have no DevTools entry (issue 11). */
  packaged: boolean;
  send: SendKeys;
}

export function menuTemplate({ platform, packaged, send }: MenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { label: 'Command Palette…', accelerator: 'CmdOrCtrl+Shift+P', registerAccelerator: false, click: send('P', ['control', 'shift']) },
    { label: 'Toggle Terminal', accelerator: 'Ctrl+`', registerAccelerator: false, click: send('`', ['control']) },
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { role: 'togglefullscreen' },
    ...(packaged ? [] : [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }]),
  ];
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open Folder…', accelerator: 'CmdOrCtrl+O', registerAccelerator: false, click: send('O', ['control']) },
        { label: 'Save', accelerator: 'CmdOrCtrl+S', registerAccelerator: false, click: send('S', ['control']) },
        { label: 'Go to File…', accelerator: 'CmdOrCtrl+P', registerAccelerator: false, click: send('P', ['control']) },
        { type: 'separator' },
        platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
}
