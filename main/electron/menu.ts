import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

/**
 * The application menu. Editing shortcuts come from Electron's roles; the workbench's own keys
 * (Ctrl+S, Ctrl+P, Ctrl+`…) are handled in the renderer, so they are listed here for discovery and
 * forwarded as key presses rather than implemented twice.
 */
export function installMenu(getWindow: () => BrowserWindow | undefined): void {
  const send = (keyCode: string, modifiers: ('control' | 'shift' | 'meta')[]) => () => {
    const contents = getWindow()?.webContents;
    if (!contents) return;
    const mods = modifiers.map((m) => (m === 'control' && process.platform === 'darwin' ? 'meta' : m));
    contents.sendInputEvent({ type: 'keyDown', keyCode, modifiers: mods });
    contents.sendInputEvent({ type: 'keyUp', keyCode, modifiers: mods });
  };
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open Folder…', accelerator: 'CmdOrCtrl+O', registerAccelerator: false, click: send('O', ['control']) },
        { label: 'Save', accelerator: 'CmdOrCtrl+S', registerAccelerator: false, click: send('S', ['control']) },
        { label: 'Go to File…', accelerator: 'CmdOrCtrl+P', registerAccelerator: false, click: send('P', ['control']) },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { label: 'Command Palette…', accelerator: 'CmdOrCtrl+Shift+P', registerAccelerator: false, click: send('P', ['control', 'shift']) },
        { label: 'Toggle Terminal', accelerator: 'Ctrl+`', registerAccelerator: false, click: send('`', ['control']) },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
        { role: 'toggleDevTools' },
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
