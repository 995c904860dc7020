import type { TimelineMarker } from '../../common/history';

// Markers sit on the timeline at their update number; several at one spot (a run's start and end
// with no edit between, a burst of chat) used to cover each other (issue 11). Markers closer than
// one marker's width on screen form a group, which the player shows as one button with a count
// and a list.

export interface MarkerGroup {
  /** Where the group sits, as the seq of its first marker. */
  seq: number;
  markers: TimelineMarker[];
}

/**
 * Groups markers (sorted by time, hence by seq) whose positions on a bar `widthPx` wide lie
 * within `markerPx` of the group's first marker.
 */
export function groupMarkers(markers: readonly TimelineMarker[], lastSeq: number, widthPx: number, markerPx: number): MarkerGroup[] {
  const pxPerSeq = Math.max(widthPx, 1) / Math.max(lastSeq, 1);
  const groups: MarkerGroup[] = [];
  for (const marker of markers) {
    const group = groups[groups.length - 1];
    if (group && (marker.seq - group.seq) * pxPerSeq < markerPx) group.markers.push(marker);
    else groups.push({ seq: marker.seq, markers: [marker] });
  }
  return groups;
}
