import { describe, expect, it } from 'vitest';
import { nextRecordingStatus, type RecordingStatus } from './replay-state';

// The recorder reports its status on every edit and every push; an unchanged status must stay the
// same object, or every store subscriber wakes per keystroke (issue 8, five peers typing).

const saving: RecordingStatus = { state: 'saving', sessionId: 's1', durableSeq: 4, pushedSeq: 6 };

describe('nextRecordingStatus', () => {
  it('keeps the very same status when an edit finds it already saving', () => {
    expect(nextRecordingStatus(saving, { state: 'saving' }, true)).toBe(saving);
    expect(nextRecordingStatus(saving, {}, false)).toBe(saving); // still behind the pushes: saving
  });

  it('gives a new status when something changed', () => {
    const stored = nextRecordingStatus(saving, { durableSeq: 6 }, false);
    expect(stored).not.toBe(saving);
    expect(stored).toEqual({ state: 'saved', sessionId: 's1', durableSeq: 6, pushedSeq: 6 });
    expect(nextRecordingStatus(stored, { state: 'saving' }, true)).toEqual({ ...stored, state: 'saving' });
    const failed = nextRecordingStatus(stored, { state: 'error', message: 'the disk is full' }, true);
    expect(failed).toEqual({ ...stored, state: 'error', message: 'the disk is full' });
    // A message that goes away is a change too.
    expect(nextRecordingStatus(failed, { state: 'starting', message: undefined }, false)).not.toBe(failed);
  });

  it('decides saving or saved from what is queued and what is durable, not from the patch', () => {
    const saved: RecordingStatus = { state: 'saved', sessionId: 's1', durableSeq: 6, pushedSeq: 6 };
    expect(nextRecordingStatus(saved, { state: 'saving' }, false)).toBe(saved);
    expect(nextRecordingStatus(saved, { pushedSeq: 7 }, false).state).toBe('saving');
    expect(nextRecordingStatus({ ...saved, state: 'off' }, {}, true).state).toBe('off');
  });
});
