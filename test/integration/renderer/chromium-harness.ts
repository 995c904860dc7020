import { build, type BuildOptions } from 'esbuild';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

// A page of Debian's Chromium running a bundled harness (a file that sets `window.scenarios`):
// the renderer's code with real browser parts (Monaco, xterm.js, WebGL), each scenario returning
// what it saw for the test to check.

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');

export interface Harness<S extends Record<string, (...args: never[]) => unknown>> {
  readonly browser: Browser;
  readonly page: Page;
  /** Uncaught errors in the page, for the test to check at the end. */
  readonly errors: string[];
  run<K extends keyof S & string>(name: K, ...args: Parameters<S[K]>): Promise<Awaited<ReturnType<S[K]>>>;
  close(): Promise<void>;
}

export async function openHarness<S extends Record<string, (...args: never[]) => unknown>>(entry: string, options: Pick<BuildOptions, 'alias' | 'loader'> = {}): Promise<Harness<S>> {
  const bundle = await build({ entryPoints: [path.join(ROOT, entry)], bundle: true, write: false, format: 'iife', logLevel: 'error', ...options });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  return {
    browser,
    page,
    errors,
    run: (name, ...args) => page.evaluate(`window.scenarios.${name}(${args.map((a) => JSON.stringify(a)).join(',')})`) as never,
    close: () => browser.close(),
  };
}
