import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RecordingBadge, RecordingBadgeView } from './RecordingBadge';

// The status bar's history badge, rendered as the page gets it (react-dom/server). The connected
// badge reads the store's replay slice, whose server snapshot is the initial state: recording off.

describe('RecordingBadge', () => {
  it('is absent while nothing records (the store starts with recording off)', () => {
    expect(renderToStaticMarkup(<RecordingBadge />)).toBe('');
    expect(renderToStaticMarkup(<RecordingBadgeView recording={{ state: 'off', sessionId: null, durableSeq: 0, pushedSeq: 0 }} />)).toBe('');
  });

  it('says "Saved to history" once the last edit is durable, with how far', () => {
    const html = renderToStaticMarkup(<RecordingBadgeView label="History state" recording={{ state: 'saved', sessionId: 's1', durableSeq: 42, pushedSeq: 42 }} />);
    expect(html).toContain('role="status"');
    expect(html).toContain('aria-label="History state"');
    expect(html).toContain('data-durable-seq="42"');
    expect(html).toContain('title="Stored in history up to edit 42"');
    expect(html).toContain('>Saved to history</span>');
  });

  it('says when history is not saving, with the reason as its title', () => {
    const html = renderToStaticMarkup(<RecordingBadgeView recording={{ state: 'error', sessionId: 's1', durableSeq: 3, pushedSeq: 5, message: 'the disk is full' }} />);
    expect(html).toContain('history-error');
    expect(html).toContain('title="the disk is full"');
    expect(html).toContain('>History not saving</span>');
  });
});
