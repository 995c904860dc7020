import { describe, expect, it } from 'vitest';
import { advance } from './playback-clock';

const timeline = {
  endTime: 100_000,
  idle: [
    { fromTime: 10_000, toTime: 50_000 },
    { fromTime: 50_000, toTime: 60_000 },
  ],
};

describe('playback clock', () => {
  it('moves by wall time times the speed', () => {
    expect(advance(timeline, 0, 100, 1, true)).toEqual({ time: 100, ended: false });
    expect(advance(timeline, 0, 100, 32, true)).toEqual({ time: 3_200, ended: false });
  });

  it('jumps over idle gaps, including touching ones, only when asked', () => {
    expect(advance(timeline, 9_950, 100, 1, true)).toEqual({ time: 60_000, ended: false });
    expect(advance(timeline, 9_950, 100, 1, false)).toEqual({ time: 10_050, ended: false });
  });

  it('stops at the end of the session', () => {
    expect(advance(timeline, 99_000, 100, 32, true)).toEqual({ time: 100_000, ended: true });
  });
});
