import { BrowserWindow } from 'electron';
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { PdfPrinter } from '../interview/pdf-printer';

// Interview reports (issue 9) print with Electron's own Chromium: a hidden window that loads the
// report file with JavaScript off (the report has none) and webContents.printToPDF.
export const electronPdfPrinter: PdfPrinter = async (htmlPath, pdfPath) => {
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, disableBlinkFeatures: 'Auxclick' },
  });
  try {
    window.webContents.on('will-navigate', (event) => event.preventDefault());
    window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    await window.loadURL(pathToFileURL(htmlPath).href);
    const pdf = await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
    await writeFile(pdfPath, pdf, { mode: 0o600 });
  } finally {
    window.destroy();
  }
};
