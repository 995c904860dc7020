import { describe, expect, it } from 'vitest';
import type { TimelineMarker } from '../../common/history';
import { groupMarkers } from './marker-groups';

const marker = (seq: number, label = `m${seq}`): TimelineMarker => ({ kind: 'chat', time: seq * 1000, seq, author: null, label });

describe('groupMarkers', () => {
  it('puts markers at one spot into one group and keeps distant ones apart', () => {
    const groups = groupMarkers([marker(10, 'start'), marker(10, 'end'), marker(50)], 100, 1000, 12);
    expect(groups.map((g) => g.markers.map((m) => m.label))).toEqual([['start', 'end'], ['m50']]);
  });

  it('groups by distance on screen: a narrow bar merges what a wide one keeps apart', () => {
    const markers = [marker(10), marker(12), marker(14)];
    expect(groupMarkers(markers, 100, 1000, 12)).toHaveLength(3);
    expect(groupMarkers(markers, 100, 200, 12)).toHaveLength(1);
  });

  it('measures from the first marker of a group, so a chain of near ones does not become one endless group', () => {
    const chain = [0, 1, 2, 3, 4, 5].map((s) => marker(s * 5));
    expect(groupMarkers(chain, 100, 200, 12).map((g) => g.markers.length)).toEqual([2, 2, 2]);
  });

  it('copes with an empty session', () => {
    expect(groupMarkers([], 0, 0, 12)).toEqual([]);
    expect(groupMarkers([marker(0), marker(0)], 0, 0, 12)).toHaveLength(1);
  });
});
