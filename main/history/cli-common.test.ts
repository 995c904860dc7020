import { describe, expect, it } from 'vitest';
import { parsePoint } from './cli-common';
import { HistoryError } from './errors';

const START = Date.UTC(2026, 0, 1);

describe('--at points', () => {
  it.each([
    ['0', { seq: 0 }],
    ['1234', { seq: 1234 }],
    ['end', 'end'],
    ['snapshot:before run', { snapshot: 'before run' }],
    ['+90s', { time: START + 90_000 }],
    ['+1.5m', { time: START + 90_000 }],
    ['+250ms', { time: START + 250 }],
    ['+2h', { time: START + 7_200_000 }],
    ['2026-01-01T00:00:05Z', { time: START + 5000 }],
  ])('%s', (text, point) => {
    expect(parsePoint(text, START)).toEqual(point);
  });

  it.each(['', '-5', '1e3', 'yesterday', '+5d', '12:00'])('rejects %j', (text) => {
    expect(() => parsePoint(text, START)).toThrow(HistoryError);
  });
});
