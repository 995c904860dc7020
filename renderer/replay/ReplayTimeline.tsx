import type { Timeline, TimelineMarker } from '../../common/history';
import { at, formatOffset, ReplayMarkers } from './ReplayMarkers';

// The timeline runs over update numbers, so every edit is one step of the slider (arrow keys move
// by one edit, PageUp/PageDown by a tenth) and idle time takes no room.

export { formatOffset };

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
      <ReplayMarkers timeline={timeline} names={names} onSeekMarker={onSeekMarker} />
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
