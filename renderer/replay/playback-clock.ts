import type { Timeline } from '../../common/history';

/**
 * Where the playhead is `elapsedMs` of wall time after `from`, at `speed`: idle gaps are jumped
 * over when `skipIdle` is on, and the end of the session stops playback.
 */
export function advance(
  timeline: Pick<Timeline, 'endTime' | 'idle'>,
  from: number,
  elapsedMs: number,
  speed: number,
  skipIdle: boolean,
): { time: number; ended: boolean } {
  let time = from + elapsedMs * speed;
  if (skipIdle) {
    // A jump can land in the next gap when gaps touch; follow them all.
    for (let moved = true; moved; ) {
      moved = false;
      for (const gap of timeline.idle) {
        if (time >= gap.fromTime && time < gap.toTime) {
          time = gap.toTime;
          moved = true;
        }
      }
    }
  }
  if (time >= timeline.endTime) return { time: timeline.endTime, ended: true };
  return { time, ended: false };
}
