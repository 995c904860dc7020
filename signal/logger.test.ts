import { describe, expect, it } from 'vitest';
import { startSignalServer } from './server';
import type { SignalLogger } from './logger';

// The server logs through the logger it is given (the app passes its own), not to the console.

function recordingLogger() {
  const records: { level: string; context: object; message: string }[] = [];
  const at = (level: string) => (context: object, message: string) => void records.push({ level, context, message });
  const logger: SignalLogger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, records };
}

describe('signalling server logger option', () => {
  it('start-up goes to the given logger', async () => {
    const { logger, records } = recordingLogger();
    const second = await startSignalServer({ port: 0, logger });
    try {
      expect(records.some((r) => r.level === 'info' && r.message === 'signalling server listening' && (r.context as { port: number }).port === second.port)).toBe(true);
    } finally {
      await second.close();
    }
  });

  it('refuses a logger without the pino methods', async () => {
    await expect(startSignalServer({ port: 0, logger: { info() {} } as unknown as SignalLogger })).rejects.toThrow(/logger must have/);
  });
});
