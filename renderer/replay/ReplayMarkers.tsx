import { useEffect, useRef, useState } from 'react';
import type { Timeline, TimelineMarker } from '../../common/history';
import { groupMarkers, type MarkerGroup } from './marker-groups';

// The markers row of the replay timeline (issue 11): one button per marker, and where markers
// share a spot one button with their count, whose list opens on hover, on focus and on click, so
// each marker stays reachable by mouse and by keyboard.

/** A marker's width on screen (px): markers closer than this are grouped. */
const MARKER_PX = 12;

export function formatOffset(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function at(seq: number, last: number): string {
  return `${(100 * seq) / Math.max(last, 1)}%`;
}

interface Props {
  timeline: Timeline;
  names: ReadonlyMap<string, string>;
  onSeekMarker: (marker: TimelineMarker) => void;
}

export function ReplayMarkers({ timeline, names, onSeekMarker }: Props) {
  const row = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);
  useEffect(() => {
    const element = row.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    setWidth(element.clientWidth);
    return () => observer.disconnect();
  }, []);
  const groups = groupMarkers(timeline.markers, timeline.lastSeq, width, MARKER_PX);
  const describe = (m: TimelineMarker) => `${m.label} at ${formatOffset(m.time - timeline.startTime)}`;
  const byline = (m: TimelineMarker) => (m.author ? ` (${names.get(m.author) ?? m.author})` : '');
  return (
    <div className="replay-markers" role="toolbar" aria-label="Markers" ref={row}>
      {groups.map((g) =>
        g.markers.length === 1 ? (
          <button
            key={`${g.seq}-${g.markers[0]!.time}`}
            className={`replay-marker marker-${g.markers[0]!.kind}`}
            style={{ left: at(g.seq, timeline.lastSeq) }}
            aria-label={describe(g.markers[0]!)}
            title={`${g.markers[0]!.label}${byline(g.markers[0]!)}`}
            onClick={() => onSeekMarker(g.markers[0]!)}
          />
        ) : (
          <Group key={`${g.seq}-${g.markers[0]!.time}`} group={g} timeline={timeline} describe={describe} byline={byline} onSeekMarker={onSeekMarker} />
        ),
      )}
    </div>
  );
}

function Group({
  group,
  timeline,
  describe,
  byline,
  onSeekMarker,
}: {
  group: MarkerGroup;
  timeline: Timeline;
  describe: (m: TimelineMarker) => string;
  byline: (m: TimelineMarker) => string;
  onSeekMarker: (marker: TimelineMarker) => void;
}) {
  const [open, setOpen] = useState(false);
  const first = group.markers[0]!;
  const when = formatOffset(first.time - timeline.startTime);
  const listId = `replay-markers-${group.seq}-${first.time}`;
  return (
    <div
      className="replay-marker-group"
      data-open={open}
      style={{ left: at(group.seq, timeline.lastSeq) }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
        }
      }}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        className="replay-marker marker-group"
        aria-label={`${group.markers.length} markers at ${when}`}
        aria-expanded={open}
        aria-controls={listId}
        title={group.markers.map((m) => m.label).join('\n')}
        onClick={() => setOpen((o) => !o)}
      >
        {group.markers.length}
      </button>
      <ul className="replay-marker-list" id={listId} aria-label={`Markers at ${when}`}>
        {group.markers.map((m, i) => (
          <li key={`${m.kind}-${m.time}-${i}`}>
            <button className={`marker-item marker-${m.kind}`} aria-label={describe(m)} onClick={() => onSeekMarker(m)}>
              {m.label}
              {byline(m)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
