import { useCallback, useEffect, useRef, useState } from 'react';
import type { StoredHistoryEvent } from '../../common/contract-history';
import type { Timeline } from '../../common/history';
import { api } from '../host';
import { advance } from './playback-clock';

// The player's model: the session's timeline and events, the playhead (an update number and its
// time), the files at the playhead, and playback that moves the playhead through time at a speed,
// jumping over idle gaps.

export const SPEEDS = [1, 2, 4, 8, 16, 32] as const;
const TICK_MS = 100;

export interface Playback {
  timeline: Timeline | null;
  events: StoredHistoryEvent[];
  seq: number;
  time: number;
  files: Record<string, string> | null;
  /** The file the edit at the playhead changed, if it changed exactly one. */
  changed: string | null;
  playing: boolean;
  speed: number;
  skipIdle: boolean;
  error: string | null;
  seek(seq: number): void;
  seekTime(seq: number, time: number): void;
  play(): void;
  pause(): void;
  setSpeed(speed: number): void;
  setSkipIdle(skip: boolean): void;
  reload(): Promise<void>;
}

export function usePlayback(sessionId: string): Playback {
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [events, setEvents] = useState<StoredHistoryEvent[]>([]);
  const [seq, setSeq] = useState(0);
  const [time, setTime] = useState(0);
  const [files, setFiles] = useState<Record<string, string> | null>(null);
  const [changed, setChanged] = useState<string | null>(null);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const [skipIdle, setSkipIdle] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const request = useRef(0);
  const playTime = useRef(0);

  const show = useCallback(
    (at: { seq: number } | { time: number } | 'end') => {
      const mine = ++request.current;
      api.history
        .filesAt({ sessionId, at })
        .then((r) => {
          if (mine !== request.current) return;
          setSeq(r.seq);
          setTime(typeof at === 'object' && 'time' in at ? at.time : r.time);
          setFiles(r.files);
          setChanged(r.changed ?? null);
        })
        .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    },
    [sessionId],
  );

  const reload = useCallback(async () => {
    try {
      const [t, ev] = await Promise.all([
        api.history.timeline({ sessionId }),
        api.history.events({ sessionId, kinds: ['awareness', 'terminal-open', 'terminal-data', 'run-end', 'chat'] }),
      ]);
      setTimeline(t);
      setEvents(ev);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [sessionId]);

  useEffect(() => {
    setPlaying(false);
    setFiles(null);
    void reload().then(() => show('end'));
  }, [reload, show]);

  // Seeking past the end resolves to the last update; keep the slider within the timeline.
  const seek = useCallback(
    (target: number) => {
      setPlaying(false);
      const seq = Math.max(0, Math.min(target, timeline?.lastSeq ?? target));
      // The slider and what acts on "this moment" follow at once; the files arrive after.
      setSeq(seq);
      show({ seq });
    },
    [show, timeline],
  );

  /** A marker is a moment in time (a run ends between edits): show the files and cursors then. */
  const seekTime = useCallback(
    (seqAt: number, at: number) => {
      setPlaying(false);
      setSeq(seqAt);
      show({ time: at });
    },
    [show],
  );

  useEffect(() => {
    if (!playing || !timeline) return;
    const timer = setInterval(() => {
      const { time: next, ended } = advance(timeline, playTime.current, TICK_MS, speed, skipIdle);
      if (ended) setPlaying(false);
      playTime.current = next;
      show({ time: next });
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [playing, speed, skipIdle, timeline, show]);

  const play = useCallback(() => {
    if (!timeline) return;
    // From the end, play starts over.
    playTime.current = seq >= timeline.lastSeq || time >= timeline.endTime ? timeline.startTime : Math.max(time, timeline.startTime);
    setPlaying(true);
  }, [timeline, seq, time]);

  return {
    timeline,
    events,
    seq,
    time,
    files,
    changed,
    playing,
    speed,
    skipIdle,
    error,
    seek,
    seekTime,
    play,
    pause: () => setPlaying(false),
    setSpeed,
    setSkipIdle,
    reload,
  };
}
