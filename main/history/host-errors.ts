import { ErrorCode, HostError } from '../../common/errors';
import type { HistoryErrorCode } from '../../common/history';
import { HistoryError } from './errors';

// The one place history's own error codes become the contract's (issue 12): the host adapter
// wraps every history method with it, so the renderer sees one taxonomy.

const CODES: Record<HistoryErrorCode, ErrorCode> = {
  'not-found': ErrorCode.NotFound,
  conflict: ErrorCode.AlreadyExists,
  closed: ErrorCode.Unavailable,
  'invalid-input': ErrorCode.InvalidArgument,
  'invalid-trace': ErrorCode.InvalidArgument,
  'truncated-file': ErrorCode.InvalidArgument,
  'corrupt-file': ErrorCode.InvalidArgument,
  'unsupported-version': ErrorCode.InvalidArgument,
};

/** A HistoryError as the contract's HostError (message prefixed with what was being done); anything else unchanged. */
export function historyToHostError(error: unknown, context?: string): unknown {
  if (!(error instanceof HistoryError)) return error;
  const prefix = context ? `${context}: ` : '';
  const code = CODES[error.code];
  if (error.code === 'closed') return new HostError(code, `${prefix}the history database is closed.`);
  return new HostError(code, `${prefix}${error.message}`, code === ErrorCode.InvalidArgument ? { historyCode: error.code } : undefined);
}

/** What the user was doing, put before a history error's own message, per contract method. */
export const HISTORY_ERROR_CONTEXT: Readonly<Record<string, string>> = {
  begin: 'Cannot record this workspace',
  createSnapshot: 'Cannot save the snapshot',
  fork: 'Cannot fork the session',
  exportSession: 'Cannot export the session',
};
