import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { HistoryStored } from '../../common/contract-history';
import { ErrorCode, HostError } from '../../common/errors';
import { getLogger, writeForwardedLog } from '../log/log-service';
import type { HistoryApi, HistoryHooks } from './history-service';
import type { FromWorker, HistoryWorkerData, ToWorker } from './history-worker-protocol';

// main's side of the history worker (issue 12): the same HistoryApi as the in-process service,
// every call a message to the worker thread, every hook a message that is not waited for. Bundled,
// the worker is history-worker.mjs beside the bundle that starts it; from source (tests, tsx) the
// TypeScript entry runs under tsx.

const log = getLogger('history');

const METHODS = [
  'begin', 'end', 'push', 'flush', 'listSessions', 'timeline', 'filesAt', 'diff', 'events', 'asciicast', 'createSnapshot',
  'listSnapshots', 'fork', 'exportSession', 'importSession', 'deleteSession', 'getRetention', 'setRetention',
] as const satisfies readonly (keyof HistoryApi)[];
const HOOKS = ['runStarted', 'runEnded', 'terminalOpened', 'terminalResized', 'terminalData'] as const satisfies readonly (keyof HistoryHooks)[];

export interface HistoryWorkerOptions extends HistoryWorkerData {
  /** The folder main has open now (null: none); read at every call and hook. */
  openRoot(): string | null;
  onStored(stored: HistoryStored): void;
}

export interface HistoryWorkerClient {
  api: { [K in keyof HistoryApi]: (arg: Parameters<HistoryApi[K]>[0]) => Promise<Awaited<ReturnType<HistoryApi[K]>>> };
  hooks: HistoryHooks;
  /** Tells the worker a new retention (main keeps it in the settings database). */
  setRetentionDays(days: number | null): void;
  /** Ends the live recording (its last commit included), closes the store and stops the thread. */
  dispose(): Promise<void>;
}

function workerEntry(): { file: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) return { file: path.join(path.dirname(here), 'history-worker.ts'), execArgv: ['--import', 'tsx'] };
  // Packaged, the worker is unpacked beside the asar (electron-builder.yml asarUnpack): a worker
  // thread's loader reads a real file.
  const file = path.join(path.dirname(here), 'history-worker.mjs').replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
  return { file, execArgv: [] };
}

export function startHistoryWorker(options: HistoryWorkerOptions): HistoryWorkerClient {
  const { file, execArgv } = workerEntry();
  const data: HistoryWorkerData = { historyFile: options.historyFile, exportDir: options.exportDir, retentionDays: options.retentionDays };
  const worker = new Worker(file, { workerData: data, execArgv });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  let nextId = 1;
  let exited: Error | null = null;
  const post = (message: ToWorker) => worker.postMessage(message);

  worker.on('message', (message: FromWorker) => {
    if (message.type === 'log') writeForwardedLog(message);
    else if (message.type === 'stored') options.onStored(message.stored);
    else if (message.type === 'result') {
      const call = pending.get(message.id);
      pending.delete(message.id);
      if (!call) return;
      if (message.ok) call.resolve(message.value);
      else {
        const { code, message: text, details } = message.error;
        call.reject(code ? new HostError(code, text, details) : new Error(text));
      }
    }
  });
  const fail = (error: Error) => {
    exited = error;
    for (const call of pending.values()) call.reject(new HostError(ErrorCode.Unavailable, `The history recorder stopped: ${error.message}`));
    pending.clear();
  };
  worker.on('error', (error) => {
    log.error({ err: error }, 'the history worker failed');
    fail(error);
  });
  worker.on('exit', (code) => {
    if (!exited) fail(new Error(`exited with code ${code}`));
  });

  const call = (method: keyof HistoryApi, arg: unknown): Promise<unknown> => {
    if (exited) return Promise.reject(new HostError(ErrorCode.Unavailable, `The history recorder stopped: ${exited.message}`));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      post({ type: 'call', id, method, arg, root: options.openRoot() });
    });
  };
  const api = Object.fromEntries(METHODS.map((m) => [m, (arg: unknown) => call(m, arg)])) as unknown as HistoryWorkerClient['api'];
  const hooks = Object.fromEntries(
    HOOKS.map((h) => [
      h,
      (...args: unknown[]) => {
        if (!exited) post({ type: 'hook', hook: h, args, root: options.openRoot() });
      },
    ]),
  ) as unknown as HistoryHooks;

  return {
    api,
    hooks,
    setRetentionDays: (days) => {
      if (!exited) post({ type: 'retention', days });
    },
    async dispose() {
      if (!exited) {
        const id = nextId++;
        await new Promise((resolve, reject) => {
          pending.set(id, { resolve, reject });
          post({ type: 'dispose', id });
        }).catch((error: unknown) => log.warn({ err: error }, 'the history worker did not close cleanly'));
      }
      await worker.terminate();
    },
  };
}
