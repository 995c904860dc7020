import type { HistoryStored } from '../../common/contract-history';
import type { ErrorCode } from '../../common/errors';
import type { ForwardedLogRecord } from '../log/log-service';
import type { HistoryApi, HistoryHooks } from './history-service';

// Messages between main and the history worker (issue 12: the recorder and its SQLite writes
// off the main thread). Requests carry the folder main has open, since the WorkspaceService
// stays in main; answers carry the contract's error codes (mapped in the worker, in one place).

export interface HistoryWorkerData {
  historyFile: string;
  exportDir: string;
  retentionDays: number | null;
}

export type ToWorker =
  | { type: 'call'; id: number; method: keyof HistoryApi; arg: unknown; root: string | null }
  | { type: 'hook'; hook: keyof HistoryHooks; args: unknown[]; root: string | null }
  | { type: 'retention'; days: number | null }
  | { type: 'dispose'; id: number };

export interface WireFailure {
  code?: ErrorCode;
  message: string;
  details?: unknown;
}

export type FromWorker =
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: WireFailure }
  | { type: 'stored'; stored: HistoryStored }
  /** A log record of the worker, for main to write to its log (main/log: one writer for the file). */
  | ({ type: 'log' } & ForwardedLogRecord)
  | { type: 'ready' };
