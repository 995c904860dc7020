import pino from 'pino';

// The signalling server logs through a pino-compatible logger (issue 12): standalone it makes
// its own, embedded the app passes its child logger, so records land in the app's log file.

type LogFn = (context: object, message: string) => void;

/** What the server needs of a logger; a pino Logger (or a child) fits as is. */
export interface SignalLogger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

export function defaultSignalLogger(): SignalLogger {
  return pino({ base: { component: 'signal' }, level: process.env.CODECRAFTER_LOG_LEVEL ?? 'info', timestamp: pino.stdTimeFunctions.isoTime });
}

export function isSignalLogger(value: unknown): value is SignalLogger {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return ['debug', 'info', 'warn', 'error'].every((level) => typeof v[level] === 'function');
}
