import type { KeyboardEvent, RefObject } from 'react';
import type { RecentLog } from '../../common/log';
import { formatLog } from './log-format';

// What the Logs dialog shows (LogsDialog.tsx owns opening it and reading the log): the folder and
// level, the recent log newest at the bottom, and its actions, each a labelled button.

export interface LogsViewProps {
  /** null while the first read is on its way. */
  log: RecentLog | null;
  error: string | null;
  /** The desktop app can open the folder in the file manager; a browser cannot. */
  electron: boolean;
  textRef?: RefObject<HTMLTextAreaElement | null>;
  onRefresh(): void;
  onCopy(): void;
  onOpenFolder(): void;
  onClose(): void;
}

export function LogsView({ log, error, electron, textRef, onRefresh, onCopy, onOpenFolder, onClose }: LogsViewProps) {
  const text = log ? formatLog(log.text) : '';
  return (
    <div className="overlay" onKeyDown={(e: KeyboardEvent) => e.key === 'Escape' && onClose()}>
      <div className="dialog logs-dialog" role="dialog" aria-modal aria-labelledby="logs-title">
        <h2 id="logs-title">Logs</h2>
        {log && (
          <p className="logs-folder">
            Folder: <code>{log.folder}</code> (level {log.level}; set CODECRAFTER_LOG_LEVEL to change it)
          </p>
        )}
        {error && <p role="alert">{error}</p>}
        <textarea
          ref={textRef}
          className="logs-text"
          aria-label="Log text"
          readOnly
          spellCheck={false}
          wrap="off"
          value={log ? text || 'Nothing has been logged yet.' : 'Loading…'}
        />
        <div className="dialog-actions">
          <button onClick={onRefresh}>Refresh</button>
          <button onClick={onCopy} disabled={!text}>
            Copy
          </button>
          {electron && <button onClick={onOpenFolder}>Open Log Folder</button>}
          <button className="primary" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
