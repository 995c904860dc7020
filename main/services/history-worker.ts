import { parentPort, workerData } from 'node:worker_threads';
import { ErrorCode, HostError } from '../../common/errors';
import type { WorkspaceInfo } from '../../common/types';
import { SqliteHistoryStorage } from '../history';
import { HISTORY_ERROR_CONTEXT, historyToHostError } from '../history/host-errors';
import { WorkspaceService } from '../workspace/workspace-service';
import { forwardLogsTo, getLogger } from '../log/log-service';
import { createHistoryService } from './history-service';
import type { FromWorker, HistoryWorkerData, ToWorker, WireFailure } from './history-worker-protocol';

// The history worker (issue 12): the HistoryService with its SQLite store, the mirror doc and
// the recorder's commits run here, on their own thread, so an fsync or a keyframe never holds up
// main's event loop. main/services/history-worker-client.ts starts it and forwards to it; the
// worker's log records go back to it too, to be written to main's log file.

const port = parentPort!;
const data = workerData as HistoryWorkerData;
const send = (message: FromWorker) => port.postMessage(message);
// Every record of this thread goes to main's log (and its file), before anything here can log.
forwardLogsTo(({ level, line }) => send({ type: 'log', level, line }));
const log = getLogger('history');

/** The folder main has open, as of the message being handled. */
let openRoot: string | null = null;
let retentionDays = data.retentionDays;
// Only for writing a fork's new folder; the open folder is main's.
const writer = new WorkspaceService(() => {});
const storage = SqliteHistoryStorage.open(data.historyFile);
const service = createHistoryService({
  storage,
  workspace: {
    info: () => (openRoot === null ? null : ({ root: openRoot } as WorkspaceInfo)),
    root: () => {
      if (openRoot === null) throw new HostError(ErrorCode.NoWorkspace, 'No folder is open. Open a folder first.');
      return openRoot;
    },
    writeNewFolder: (folder, files) => writer.writeNewFolder(folder, files),
  },
  retention: { get: () => ({ days: retentionDays }), set: (days) => (retentionDays = days) },
  exportDir: data.exportDir,
  onStored: (stored) => send({ type: 'stored', stored }),
});

function failure(error: unknown, method?: string): WireFailure {
  const mapped = historyToHostError(error, method ? HISTORY_ERROR_CONTEXT[method] : undefined);
  if (mapped instanceof HostError) return { code: mapped.code, message: mapped.message, details: mapped.details };
  log.error({ err: mapped, method }, 'a history request failed');
  return { message: mapped instanceof Error ? mapped.message : String(mapped) };
}

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'call': {
      openRoot = message.root;
      const { id } = message;
      try {
        const result = (service[message.method] as (arg: unknown) => unknown)(message.arg);
        Promise.resolve(result).then(
          (value) => send({ type: 'result', id, ok: true, value }),
          (error: unknown) => send({ type: 'result', id, ok: false, error: failure(error, message.method) }),
        );
      } catch (error) {
        send({ type: 'result', id, ok: false, error: failure(error, message.method) });
      }
      return;
    }
    case 'hook':
      openRoot = message.root;
      try {
        (service.hooks[message.hook] as (...args: unknown[]) => void)(...message.args);
      } catch (error) {
        log.warn({ err: error, hook: message.hook }, 'a history hook failed; the event is not recorded');
      }
      return;
    case 'retention':
      retentionDays = message.days;
      return;
    case 'dispose':
      try {
        service.dispose();
        storage.close();
        send({ type: 'result', id: message.id, ok: true, value: null });
      } catch (error) {
        send({ type: 'result', id: message.id, ok: false, error: failure(error) });
      }
      return;
  }
});
send({ type: 'ready' });

