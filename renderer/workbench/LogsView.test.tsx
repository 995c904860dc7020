import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LogsView, type LogsViewProps } from './LogsView';

// The Logs dialog as rendered (react-dom/server): folder, level, readable lines, and buttons that
// fit what can be done.

const noop = () => undefined;
const props = (patch: Partial<LogsViewProps>): LogsViewProps => ({ log: null, error: null, electron: false, onRefresh: noop, onCopy: noop, onOpenFolder: noop, onClose: noop, ...patch });
const record = JSON.stringify({ level: 50, time: '2026-11-23T18:00:00.000Z', pid: 1, component: 'host', msg: 'refused', code: 'bad-request' });

function textarea(html: string): string {
  return html.match(/<textarea[^>]*>([\s\S]*?)<\/textarea>/)![1]!.replace(/&quot;/g, '"');
}

describe('LogsView', () => {
  it('is a labelled dialog that says it is loading until the log arrives', () => {
    const html = renderToStaticMarkup(<LogsView {...props({})} />);
    expect(html).toContain('role="dialog"');
    expect(html).toContain('aria-labelledby="logs-title"');
    expect(html).toContain('aria-label="Log text"');
    expect(textarea(html)).toBe('Loading…');
    expect(html).toMatch(/<button disabled="">Copy<\/button>/);
  });

  it('shows the folder, the level and each record as one readable line', () => {
    const html = renderToStaticMarkup(<LogsView {...props({ log: { text: `${record}\nnot json\n`, folder: '/data/logs', files: ['codecrafter.1.log'], level: 'info' } })} />);
    expect(html).toContain('Folder: <code>/data/logs</code> (level info; set CODECRAFTER_LOG_LEVEL to change it)');
    expect(textarea(html)).toBe('2026-11-23T18:00:00.000Z ERROR [host] refused {"code":"bad-request"}\nnot json');
    expect(html).toMatch(/<button>Copy<\/button>/);
  });

  it('says when nothing was logged, and shows a read error as an alert', () => {
    expect(textarea(renderToStaticMarkup(<LogsView {...props({ log: { text: '', folder: '/d', files: [], level: 'warn' } })} />))).toBe('Nothing has been logged yet.');
    expect(renderToStaticMarkup(<LogsView {...props({ error: 'Could not read the log: gone' })} />)).toContain('<p role="alert">Could not read the log: gone</p>');
  });

  it('offers to open the folder only in the desktop app', () => {
    expect(renderToStaticMarkup(<LogsView {...props({})} />)).not.toContain('Open Log Folder');
    expect(renderToStaticMarkup(<LogsView {...props({ electron: true })} />)).toContain('>Open Log Folder</button>');
  });
});
