import { useCallback, useEffect, useRef, useState } from 'react';
import type { SessionInfo } from '../../common/history';
import { api } from '../host';
import { useWorkbench } from '../state/store';
import { exportSession, importSessionFile, openPlayer } from './replay-actions';
import { useReplayState } from './replay-state';
import { RecordingBadge } from './RecordingBadge';
import { SessionReports } from '../interview/SessionReports';

const RETENTION_CHOICES: Array<{ days: number | null; label: string }> = [
  { days: null, label: 'Forever' },
  { days: 7, label: '7 days' },
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 365, label: 'One year' },
];

/** The Replay side view: this folder's recorded sessions, import, and how long history is kept. */
export function ReplayView() {
  const workspace = useWorkbench((s) => s.workspace);
  const durable = useReplayState((s) => s.recording.durableSeq);
  const recordingId = useReplayState((s) => s.recording.sessionId);
  const [sessions, setSessions] = useState<SessionInfo[]>([]);
  const [retention, setRetention] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const load = useCallback(() => {
    api.history
      .listSessions({ allWorkspaces: !workspace })
      .then(setSessions)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [workspace]);
  useEffect(load, [load, recordingId]);
  useEffect(() => {
    // The retention box keeps its default; the host logs the failed request.
    void api.history.getRetention().then((r) => setRetention(r.days)).catch(() => {});
  }, []);

  const onImport = async (file: File) => {
    try {
      const id = await importSessionFile(file);
      setError(null);
      load();
      openPlayer(id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const onRetention = async (days: number | null) => {
    try {
      const r = await api.history.setRetention({ days });
      setRetention(r.days);
      setError(null);
      load();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="view replay-view">
      <header className="view-header">
        <h2>Replay</h2>
      </header>
      <div className="view-body">
        {workspace && <RecordingBadge label="Recording of this folder" />}
        {error && (
          <p role="alert" className="replay-error">
            {error}
          </p>
        )}
        <h3>{workspace ? `Sessions of ${workspace.name}` : 'All sessions'}</h3>
        {sessions.length === 0 && <p className="muted">Nothing recorded yet. Open a folder and edit: every change is kept here.</p>}
        <ul className="replay-sessions" aria-label="Recorded sessions">
          {sessions.map((s) => {
            const edits = s.id === recordingId ? Math.max(s.lastSeq, durable) : s.lastSeq;
            return (
              <li key={s.id} aria-label={s.title ?? s.id}>
                <div className="replay-session-title">
                  {s.title ?? s.id.slice(0, 8)} {s.kind !== 'solo' && <span className="muted">({s.kind})</span>}
                  {s.id === recordingId && <span className="muted"> · recording</span>}
                </div>
                <div className="muted">{`${new Date(s.createdAt).toLocaleString()} · ${edits} edits`}</div>
                <button onClick={() => openPlayer(s.id)} aria-label={`Replay ${s.title ?? s.id}`}>
                  Replay
                </button>
                <button onClick={() => void exportSession(s.id)} aria-label={`Export ${s.title ?? s.id}`}>
                  Export
                </button>
                <SessionReports sessionId={s.id} />
              </li>
            );
          })}
        </ul>
        <button onClick={() => fileInput.current?.click()}>Import session file…</button>
        <input
          ref={fileInput}
          type="file"
          accept=".ccsession"
          aria-label="Session file to import"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void onImport(file);
          }}
        />
        <label className="replay-retention">
          Keep history{' '}
          <select
            aria-label="Keep history"
            value={retention === null ? 'forever' : String(retention)}
            onChange={(e) => void onRetention(e.target.value === 'forever' ? null : Number(e.target.value))}
          >
            {RETENTION_CHOICES.map((c) => (
              <option key={c.label} value={c.days === null ? 'forever' : String(c.days)}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
