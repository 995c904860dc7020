// Printing a report to PDF (issue 9). Electron prints with the window's webContents.printToPDF
// (main/electron passes one in); the browser host and the CLI run Chromium headless with
// --print-to-pdf on the HTML file. Both sit behind PdfPrinter so the report code does not care.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Prints the HTML file at `htmlPath` into a new PDF at `pdfPath`. */
export type PdfPrinter = (htmlPath: string, pdfPath: string) => Promise<void>;

const PRINT_TIMEOUT_MS = 120_000;

export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((c): c is string => Boolean(c) && existsSync(c!)) ?? null;
}

/** Chromium headless: `--print-to-pdf`, in a throwaway profile so it never meets a running browser's. */
export function chromiumPdfPrinter(binary = chromiumPath()): PdfPrinter {
  return async (htmlPath, pdfPath) => {
    if (!binary) throw new Error('No Chromium found to print the PDF (set CHROMIUM_PATH); the HTML report is written.');
    const profile = mkdtempSync(path.join(os.tmpdir(), 'cc-print-'));
    try {
      await new Promise<void>((resolve, reject) => {
        execFile(
          binary,
          [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-pdf-header-footer',
            `--user-data-dir=${profile}`,
            `--print-to-pdf=${pdfPath}`,
            pathToFileURL(htmlPath).href,
          ],
          { timeout: PRINT_TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024 },
          (error, _stdout, stderr) => {
            if (error) reject(new Error(`Chromium could not print the report: ${error.message} ${String(stderr).slice(-500)}`));
            else resolve();
          },
        );
      });
      if (!existsSync(pdfPath) || statSync(pdfPath).size === 0) throw new Error('Chromium exited without writing the PDF.');
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  };
}
