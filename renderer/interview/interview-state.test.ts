import { describe, expect, it } from 'vitest';
import { createWorkbenchStore } from '../state/store';
import { interviewStateOf } from './interview-state';

// The Interview view's state is a slice of the one store: changed through the slice, seen by the
// store, and its subscribers woken by its own changes only.

describe('interview slice', () => {
  it('starts empty, as a part of the store', () => {
    const store = createWorkbenchStore();
    const interview = interviewStateOf(store);
    expect(interview.get()).toBe(store.get().interview);
    expect(interview.get()).toMatchObject({ side: null, timer: null, channel: false, problems: [] });
  });

  it('merges a patch into the slice and leaves the rest of the store alone', () => {
    const store = createWorkbenchStore();
    const interview = interviewStateOf(store);
    store.set({ activeTab: 'main.py' });
    interview.set({ side: 'candidate', busy: 'opening' });
    interview.set((s) => ({ busy: s.busy === 'opening' ? null : 'wrong' }));
    expect(store.get().interview).toMatchObject({ side: 'candidate', busy: null, channel: false });
    expect(store.get().activeTab).toBe('main.py');
  });

  it('wakes its subscribers on changes of the slice only, until disposed', () => {
    const store = createWorkbenchStore();
    const interview = interviewStateOf(store);
    let calls = 0;
    const off = interview.subscribe(() => calls++);
    store.set({ activeTab: 'main.py' });
    expect(calls).toBe(0);
    interview.set({ running: 'samples' });
    expect(calls).toBe(1);
    store.set((s) => ({ interview: { ...s.interview, running: null } }));
    expect(calls).toBe(2);
    off();
    interview.set({ running: 'hidden' });
    expect(calls).toBe(2);
  });

  it('keeps one store per window: two stores do not share the slice', () => {
    const a = interviewStateOf(createWorkbenchStore());
    const b = interviewStateOf(createWorkbenchStore());
    a.set({ side: 'interviewer' });
    expect(b.get().side).toBeNull();
  });
});
