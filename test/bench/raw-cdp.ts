// Debian's Chromium driven over a bare DevTools protocol connection, for benches whose numbers
// Playwright itself would move: Playwright enables the Network domain on every page it attaches
// to, so Chromium copies each WebSocket frame's payload to it (Network.webSocketFrameReceived)
// and Playwright parses it in the bench's process. A terminal flood of 100 MB then crosses the
// DevTools pipe a second time. Here the only domain used is Runtime (evaluate); nothing else is
// enabled, so a frame is seen by the page alone, as in the app.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';

interface Pending {
  resolve(value: Record<string, unknown>): void;
  reject(error: Error): void;
}

export interface RawPage {
  /** Evaluates `expression` in the page (promises awaited) and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Sends a DevTools command to the page's session (e.g. the Profiler's, for a CPU profile). */
  cdp(method: string, params?: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Listens to a DevTools event of the page's session (those of a domain the bench enabled). */
  on(method: string, listener: (params: Record<string, unknown>) => void): () => void;
}

export interface RawBrowser {
  newPage(url: string): Promise<RawPage>;
  close(): Promise<void>;
}

export async function launchRawChromium(options: { executablePath?: string; width: number; height: number; args?: string[] }): Promise<RawBrowser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'cc-raw-chromium-'));
  const child: ChildProcess = spawn(
    options.executablePath ?? '/usr/bin/chromium',
    [
      '--headless',
      '--no-sandbox',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      `--window-size=${options.width},${options.height}`,
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
      ...(options.args ?? []),
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`Chromium gave no DevTools address within 30 s: ${text.slice(-500)}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited with ${code}: ${text.slice(-500)}`));
    });
  });
  child.stderr!.resume();
  const socket = new WebSocket(endpoint, { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const listeners = new Set<{ sessionId: string; method: string; listener: (params: Record<string, unknown>) => void }>();
  socket.on('message', (raw: Buffer) => {
    const message = JSON.parse(raw.toString()) as { id?: number; method?: string; sessionId?: string; params?: Record<string, unknown>; result?: Record<string, unknown>; error?: { message: string } };
    if (message.id === undefined) {
      // Events: only those of domains a bench enabled on purpose (Target's own are ignored).
      for (const entry of listeners) if (entry.method === message.method && entry.sessionId === message.sessionId) entry.listener(message.params ?? {});
      return;
    }
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result ?? {});
  });
  const send = (method: string, params: Record<string, unknown> = {}, sessionId?: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });

  return {
    async newPage(url) {
      const { targetId } = (await send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
      const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
      const evaluate = async <T>(expression: string): Promise<T> => {
        const result = (await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId)) as {
          result: { value?: unknown };
          exceptionDetails?: { text: string; exception?: { description?: string } };
        };
        if (result.exceptionDetails) throw new Error(`page: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
        return result.result.value as T;
      };
      await send('Page.navigate', { url }, sessionId);
      return {
        evaluate,
        cdp: (method, params = {}) => send(method, params, sessionId),
        on(method, listener) {
          const entry = { sessionId, method, listener };
          listeners.add(entry);
          return () => listeners.delete(entry);
        },
      };
    },
    async close() {
      await send('Browser.close').catch(() => undefined);
      socket.close();
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
