import { MAX_LOG_CONTEXT_KEYS, MAX_LOG_CONTEXT_VALUE_CHARS, MAX_LOG_MESSAGE_CHARS, type RendererLogLevel } from '../common/log';
import { api } from './host';

// The renderer's logger (issue 12): every record goes to the console (DevTools), and warnings and
// errors also go to main through `app.log`, so they land in the user's log file next to main's.

export type LogContext = Record<string, unknown>;

export interface RendererLogger {
  debug(message: string, context?: LogContext): void;
  info(message: string, context?: LogContext): void;
  warn(message: string, context?: LogContext): void;
  /** `error` may be anything thrown; its message and stack go into the record. */
  error(message: string, error?: unknown, context?: LogContext): void;
}

type Wire = string | number | boolean | null;

/** Context values as the contract takes them: scalars, long strings cut, at most N keys. */
function toWireContext(context: LogContext): Record<string, Wire> {
  const out: Record<string, Wire> = {};
  for (const [key, value] of Object.entries(context).slice(0, MAX_LOG_CONTEXT_KEYS)) {
    const scalar = value === null || ['number', 'boolean'].includes(typeof value) ? (value as Wire) : describe(value);
    out[key.slice(0, 60)] = typeof scalar === 'string' ? scalar.slice(0, MAX_LOG_CONTEXT_VALUE_CHARS) : scalar;
  }
  return out;
}

function describe(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value); // a cycle or a BigInt: the plain text form is what we can keep
  }
}

function forward(level: RendererLogLevel, component: string, message: string, context: LogContext): void {
  // If the host is unreachable the record is already in the console; logging the failure to
  // send it would loop (it would try to send that too).
  api.app
    .log({ level, component, message: message.slice(0, MAX_LOG_MESSAGE_CHARS), context: toWireContext(context) })
    .catch(() => undefined);
}

export function getLogger(component: string): RendererLogger {
  const prefix = `[${component}]`;
  return {
    debug: (message, context) => console.debug(prefix, message, context ?? ''),
    info: (message, context) => console.info(prefix, message, context ?? ''),
    warn(message, context = {}) {
      console.warn(prefix, message, context);
      forward('warn', component, message, context);
    },
    error(message, error, context = {}) {
      console.error(prefix, message, error ?? '', context);
      const withError = error === undefined ? context : { ...context, error: describe(error), stack: error instanceof Error ? (error.stack ?? null) : null };
      forward('error', component, message, withError);
    },
  };
}

/** Uncaught errors and unhandled rejections of the page go to the log; returns the disposer. */
export function logUncaughtErrors(target: Window = window): () => void {
  const log = getLogger('window');
  const onError = (event: ErrorEvent) => {
    log.error(`uncaught: ${event.message}`, event.error, { source: event.filename, line: event.lineno, column: event.colno });
  };
  const onRejection = (event: PromiseRejectionEvent) => {
    log.error('unhandled promise rejection', event.reason);
  };
  target.addEventListener('error', onError);
  target.addEventListener('unhandledrejection', onRejection);
  return () => {
    target.removeEventListener('error', onError);
    target.removeEventListener('unhandledrejection', onRejection);
  };
}
