// The replay timeline: one track per participant (bursts of edits), markers for runs, judge runs, pastes,
// chat, focus loss and snapshots, and the idle gaps playback skips.
import type { HistoryEvent, SessionInfo, Timeline, TimelineMarker, TimelineSpan, TimelineTrack } from '../../common/history';
import type { SessionLog } from './log';
import { chatLabel, FOCUS_LOST_LABEL, judgeLabel, pasteLabel, runEndLabel, runStartLabel, snapshotLabel } from './marker-labels';
import type { StoredEvent } from './replayer';

export interface TimelineOptions {
  /** Edits by one author closer than this belong to one span (ms). */
  spanGapMs?: number;
  /** No activity for longer than this is an idle gap (ms). */
  idleGapMs?: number;
}

export function buildTimeline(
  session: SessionInfo,
  log: SessionLog,
  events: StoredEvent[],
  snapshots: Array<{ name: string; seq: number }>,
  options: TimelineOptions = {},
): Timeline {
  const spanGap = options.spanGapMs ?? 5_000;
  const idleGap = options.idleGapMs ?? 30_000;
  const tracks = new Map<string, TimelineTrack>();
  const activity: number[] = [];
  let endTime = session.createdAt;

  for (const batch of log.iterate(0, session.lastSeq)) {
    for (const u of batch) {
      let track = tracks.get(u.author);
      if (!track) tracks.set(u.author, (track = { author: u.author, updates: 0, spans: [] }));
      track.updates++;
      const span: TimelineSpan | undefined = track.spans[track.spans.length - 1];
      if (span && u.time - span.toTime <= spanGap) {
        span.toSeq = u.seq;
        span.toTime = u.time;
        span.updates++;
      } else {
        track.spans.push({ fromSeq: u.seq, toSeq: u.seq, fromTime: u.time, toTime: u.time, updates: 1 });
      }
      pushActivity(activity, u.time);
      endTime = Math.max(endTime, u.time);
    }
  }

  const markers: TimelineMarker[] = [];
  // A run's end names the file its start recorded.
  const runStarts = new Map<string, Extract<HistoryEvent, { kind: 'run-start' }>>();
  for (const { seq, time, event } of events) {
    pushActivity(activity, time);
    endTime = Math.max(endTime, time);
    switch (event.kind) {
      case 'run-start':
        runStarts.set(event.runId, event);
        markers.push({ kind: 'run', time, seq, author: event.author, label: runStartLabel(event) });
        break;
      case 'run-end':
        markers.push({ kind: 'run', time, seq, author: event.author, label: runEndLabel(event, runStarts.get(event.runId)) });
        break;
      case 'judge':
        markers.push({ kind: 'judge', time, seq, author: event.author, label: judgeLabel(event) });
        break;
      case 'paste':
        markers.push({ kind: 'paste', time, seq, author: event.author, label: pasteLabel(event) });
        break;
      case 'chat':
        markers.push({ kind: 'chat', time, seq, author: event.author, label: chatLabel(event.text) });
        break;
      case 'focus':
        if (event.state === 'lost') markers.push({ kind: 'focus-lost', time, seq, author: event.author, label: FOCUS_LOST_LABEL });
        break;
      default:
        break;
    }
  }
  for (const s of snapshots) {
    const time = log.timeOfSeq(s.seq);
    markers.push({ kind: 'snapshot', time, seq: s.seq, author: null, label: snapshotLabel(s.name) });
  }
  markers.sort((a, b) => a.time - b.time || a.seq - b.seq);

  // Updates arrive in time order, events too, but the two streams interleave: sort once.
  activity.sort((a, b) => a - b);
  const idle: Timeline['idle'] = [];
  for (let i = 1; i < activity.length; i++) {
    if (activity[i]! - activity[i - 1]! > idleGap) idle.push({ fromTime: activity[i - 1]!, toTime: activity[i]! });
  }

  return {
    sessionId: session.id,
    startTime: session.createdAt,
    endTime,
    lastSeq: session.lastSeq,
    tracks: [...tracks.values()].sort((a, b) => b.updates - a.updates),
    markers,
    idle,
  };
}

/** Keeps one sample per distinct millisecond run so 260k same-time edits stay cheap. */
function pushActivity(activity: number[], time: number): void {
  if (activity[activity.length - 1] !== time) activity.push(time);
}
