import type { Logger } from 'pino';
import { ErrorCode } from '../../common/errors';
import type { Dispatcher } from '../../common/rpc';

// Every request that fails is answered with a typed error and, until now, left no trace on the
// host (issue 12). Logging here, at the one boundary, logs each failure once: handlers throw
// without logging and the dispatcher turns the throw into the answer.

/** Answers that are the caller's mistake or a normal outcome: a warning. Anything else is an error. */
const EXPECTED_CODES: ReadonlySet<string> = new Set([
  ErrorCode.InvalidArgument,
  ErrorCode.NotFound,
  ErrorCode.Unsupported,
  ErrorCode.PermissionDenied,
  ErrorCode.AlreadyExists,
  ErrorCode.NoWorkspace,
  ErrorCode.Unauthorized,
  ErrorCode.Unavailable,
  ErrorCode.UnknownMethod,
]);

export function withRequestLogging(dispatcher: Dispatcher, logger: Logger): Dispatcher {
  return {
    isEvent: (channel) => dispatcher.isEvent(channel),
    async call(channel, arg, ctx) {
      const result = await dispatcher.call(channel, arg, ctx);
      if (!result.ok) {
        const level = EXPECTED_CODES.has(result.error.code) ? 'warn' : 'error';
        logger[level]({ channel: String(channel).slice(0, 100), origin: ctx.origin, code: result.error.code }, result.error.message);
      }
      return result;
    },
  };
}
