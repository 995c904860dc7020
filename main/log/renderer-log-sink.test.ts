import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ErrorCode, HostError } from '../../common/errors';
import { createDispatcher, method, type CallContext } from '../../common/rpc';
import { withRequestLogging } from './logged-dispatcher';
import { createRendererLogSink, RENDERER_LOG_BURST, RENDERER_LOG_PER_SECOND } from './renderer-log-sink';

// A real pino logger writing to memory: what these components log is read back as records.
function memoryLogger() {
  const records: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) records.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'trace' }, stream), records };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('renderer log sink', () => {
  it('cuts a flood per connection and says how many were dropped once the connection may log again', async () => {
    const { logger, records } = memoryLogger();
    const sink = createRendererLogSink(logger);
    const record = { level: 'error' as const, component: 'editor', message: 'boom' };
    let accepted = 0;
    for (let i = 0; i < RENDERER_LOG_BURST + 10; i++) if (sink.write(record, 'web:a', 0)) accepted++;
    expect(accepted).toBe(RENDERER_LOG_BURST);
    // One second later the bucket holds RENDERER_LOG_PER_SECOND tokens again.
    expect(sink.write(record, 'web:a', 1000)).toBe(true);
    await flush();
    const dropped = records.filter((r) => r.dropped !== undefined);
    expect(dropped).toHaveLength(1);
    expect(dropped[0]).toMatchObject({ level: 40, origin: 'web:a', dropped: 10 });
    expect(records.filter((r) => r.msg === 'boom')).toHaveLength(RENDERER_LOG_BURST + 1);
    expect(RENDERER_LOG_PER_SECOND).toBeGreaterThanOrEqual(1);
  });

  it('keeps the renderer component apart from the logger component and records the context', async () => {
    const { logger, records } = memoryLogger();
    createRendererLogSink(logger.child({ component: 'renderer' })).write({ level: 'warn', component: 'run', message: 'slow', context: { runId: 'r1' } }, 'electron:3');
    await flush();
    expect(records[0]).toMatchObject({ level: 40, component: 'renderer', rendererComponent: 'run', runId: 'r1', origin: 'electron:3', msg: 'slow' });
  });
});

describe('request logging at the dispatcher', () => {
  const contract = { demo: { fail: method<void>()(z.object({ kind: z.enum(['mine', 'bug']) }).strict()) } };
  const impl = {
    demo: {
      fail({ kind }: { kind: 'mine' | 'bug' }, _ctx: CallContext) {
        if (kind === 'mine') throw new HostError(ErrorCode.NotFound, 'No such folder.');
        throw new Error('undefined is not a function');
      },
    },
  };

  it('logs a caller mistake as a warning and an unexpected failure as an error, once each, with channel and origin', async () => {
    const { logger, records } = memoryLogger();
    const dispatcher = withRequestLogging(createDispatcher(contract, impl), logger);
    const ctx = { origin: 'web:x' };
    expect((await dispatcher.call('demo.fail', { kind: 'bug' }, ctx)).ok).toBe(false);
    expect((await dispatcher.call('demo.fail', { kind: 'nope' }, ctx)).ok).toBe(false);
    expect((await dispatcher.call('demo.nothing', {}, ctx)).ok).toBe(false);
    expect((await dispatcher.call('demo.fail', { kind: 'mine' }, ctx)).ok).toBe(false);
    await flush();
    expect(records).toHaveLength(4);
    expect(records[3]).toMatchObject({ level: 40, code: 'not-found', msg: 'No such folder.' });
    expect(records[0]).toMatchObject({ level: 50, channel: 'demo.fail', origin: 'web:x', code: 'internal' });
    expect(records[1]).toMatchObject({ level: 40, channel: 'demo.fail', code: 'invalid-argument' });
    expect(records[2]).toMatchObject({ level: 40, channel: 'demo.nothing', code: 'unknown-method' });
  });
});
