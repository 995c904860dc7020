import type { Timeline, TimelineMarker } from '../../common/history';

// The timeline runs over update numbers, so every edit is one step of the slider (arrow keys move
// by one edit, PageUp/PageDown by a tenth) and idle time takes no room.

const MARKER_LABEL: Record<TimelineMarker['kind'], string> = {
  run: 'Run',
  paste: 'Paste',
  chat: 'Chat',
  'focus-lost': 'Focus lost',
  snapshot: 'Snapshot',
};

function at(seq: number, last: number): string {
  return `${(100 * seq) / Math.max(last, 1)}%`;
}

export function formatOffset(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function ReplayTimeline({
  timeline,
  seq,
  onSeek,
  onSeekMarker,
  names,
}: {
  timeline: Timeline;
  /** Display names of authors, from their awareness (a peer's `client:<id>` becomes its name). */
  names: ReadonlyMap<string, string>;
  seq: number;
  onSeek: (seq: number) => void;
  onSeekMarker: (marker: TimelineMarker) => void;
}) {
  const last = timeline.lastSeq;
  return (
    <div className="replay-timeline">
      <div className="replay-tracks" role="list" aria-label="Participants">
        {timeline.tracks.map((track) => (
          <div className="replay-track" role="listitem" key={track.author} aria-label={`${names.get(track.author) ?? track.author}: ${track.updates} edits`}>
            <span className="replay-track-name" title={track.author}>
              {names.get(track.author) ?? track.author}
            </span>
            <span className="replay-track-bar">
              {track.spans.map((span) => (
                <span
                  key={span.fromSeq}
                  className="replay-span"
                  style={{ left: at(span.fromSeq - 1, last), width: `max(2px, ${at(span.toSeq - span.fromSeq + 1, last)})` }}
                />
              ))}
            </span>
          </div>
        ))}
      </div>
      <div className="replay-markers" role="toolbar" aria-label="Markers">
        {timeline.markers.map((m, i) => (
          <button
            key={`${m.kind}-${m.seq}-${i}`}
            className={`replay-marker marker-${m.kind}`}
            style={{ left: at(m.seq, last) }}
            aria-label={`${MARKER_LABEL[m.kind]}: ${m.label} at ${formatOffset(m.time - timeline.startTime)}`}
            title={`${MARKER_LABEL[m.kind]}: ${m.label}${m.author ? ` (${names.get(m.author) ?? m.author})` : ''}`}
            onClick={() => onSeekMarker(m)}
          />
        ))}
      </div>
      <input
        className="replay-slider"
        type="range"
        min={0}
        max={last}
        step={1}
        value={Math.min(seq, last)}
        aria-label="Replay position"
        aria-valuetext={`Edit ${seq} of ${last}`}
        onChange={(e) => onSeek(Number(e.target.value))}
      />
    </div>
  );
}
