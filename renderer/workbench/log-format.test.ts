import { describe, expect, it } from 'vitest';
import { formatLog, formatLogLine } from './log-format';

describe('log formatting for "Show logs"', () => {
  it('turns a pino record into time, level, component, message and the other fields', () => {
    const line = JSON.stringify({ level: 50, time: '2026-11-23T16:00:00.000Z', pid: 7, component: 'host', channel: 'workspace.open', msg: 'No such folder' });
    expect(formatLogLine(line)).toBe('2026-11-23T16:00:00.000Z ERROR [host] No such folder {"channel":"workspace.open"}');
  });

  it('keeps text that is not a record, and drops blank lines', () => {
    expect(formatLogLine('half a line"}')).toBe('half a line"}');
    expect(formatLogLine('42')).toBe('42');
    expect(formatLog(`${JSON.stringify({ level: 30, time: 't', msg: 'a' })}\n\nplain\n`)).toBe('t INFO  a\nplain');
  });
});
