import { useEffect, useMemo, useState } from 'react';
import { LOCAL_AUTHOR } from '../../common/contract-history';
import { api } from '../host';
import { ReplayDiff } from './ReplayDiff';
import { ReplayEditor, type ReplayCursor } from './ReplayEditor';
import { ReplayTerminal } from './ReplayTerminal';
import { formatOffset, ReplayTimeline } from './ReplayTimeline';
import { closePlayer, forkMoment, restoreMoment } from './replay-actions';
import { replayState, useReplayState } from './replay-state';
import { SPEEDS, usePlayback } from './use-playback';

/** Awareness is sent at most every 100 ms and stored at most every 250 ms per author. */
const CURSOR_LAG_MS = 400;

/** The replay of one session, in place of the editor group (issue 5). */
export function ReplayPlayer({ sessionId }: { sessionId: string }) {
  const p = usePlayback(sessionId);
  // The file shown follows the edit at the playhead (issue 11) unless the user pinned one.
  const [pinned, setPinned] = useState<string | null>(null);
  const [followed, setFollowed] = useState<string | null>(null);
  const [diffFrom, setDiffFrom] = useState<number | null>(null);
  const [terminal, setTerminal] = useState<string | null>(null);
  const live = useReplayState((s) => s.recording.sessionId === sessionId);
  const openAt = useReplayState((s) => s.playerAt);
  const { timeline: loaded, seekTime } = p;
  // Opened at a moment (an interview note): seek there once the timeline is in.
  useEffect(() => {
    if (openAt === null || !loaded) return;
    const seq = Math.max(0, ...loaded.tracks.flatMap((t) => t.spans.filter((s) => s.fromTime <= openAt).map((s) => (s.toTime <= openAt ? s.toSeq : s.fromSeq))));
    seekTime(seq, openAt);
    replayState.set({ playerAt: null });
  }, [openAt, loaded, seekTime]);

  const paths = useMemo(() => Object.keys(p.files ?? {}).sort(), [p.files]);
  useEffect(() => {
    if (p.changed && p.files && p.changed in p.files) setFollowed(p.changed);
  }, [p.changed, p.files]);
  const shown = pinned && paths.includes(pinned) ? pinned : followed && paths.includes(followed) ? followed : (paths[0] ?? null);
  const following = !(pinned && paths.includes(pinned));
  const terminals = useMemo(
    () => p.events.flatMap((e) => (e.event.kind === 'terminal-open' ? [e.event.terminalId] : [])),
    [p.events],
  );
  const shownTerminal = terminal && terminals.includes(terminal) ? terminal : (terminals[0] ?? null);

  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const e of p.events) if (e.event.kind === 'awareness' && e.event.name && e.event.author !== LOCAL_AUTHOR) map.set(e.event.author, e.event.name);
    return map;
  }, [p.events]);

  // Each author's last known cursor at the playhead, in the file shown.
  const cursors = useMemo(() => {
    const last = new Map<string, ReplayCursor | null>();
    // Cursor events trail their edit by the recording's throttle; count those as part of the edit.
    const until = p.time + CURSOR_LAG_MS;
    for (const e of p.events) {
      if (e.time > until) break;
      if (e.event.kind !== 'awareness') continue;
      const { author, file: f, cursor, selection, name } = e.event;
      last.set(author, f === shown && cursor ? { author, name, line: cursor.line, column: cursor.column, selection } : null);
    }
    return [...last.values()].filter((c): c is ReplayCursor => c !== null);
  }, [p.events, p.time, shown]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLElement && e.target.closest('input:not([type=range]), select, textarea, .monaco-editor');
      if (e.key === 'Escape' && !typing) closePlayer();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const t = p.timeline;
  return (
    <section className="replay-player" aria-label="Replay">
      <div className="replay-toolbar" role="toolbar" aria-label="Playback">
        <button onClick={closePlayer} aria-label="Close replay">
          ✕
        </button>
        <button onClick={p.playing ? p.pause : p.play} disabled={!t}>
          {p.playing ? 'Pause' : 'Play'}
        </button>
        <label>
          Speed{' '}
          <select aria-label="Playback speed" value={p.speed} onChange={(e) => p.setSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>{`${s}x`}</option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={p.skipIdle} onChange={(e) => p.setSkipIdle(e.target.checked)} /> Skip idle time
        </label>
        <span role="status" aria-label="Replay time" className="replay-clock">
          {t ? `${formatOffset(p.time - t.startTime)} / ${formatOffset(t.endTime - t.startTime)} · edit ${p.seq} of ${t.lastSeq}` : 'Loading…'}
        </span>
        <button onClick={() => void p.reload()}>Refresh</button>
      </div>
      {p.error && (
        <p role="alert" className="replay-error">
          {p.error}
        </p>
      )}
      {t && <ReplayTimeline timeline={t} seq={p.seq} onSeek={p.seek} onSeekMarker={(m) => p.seekTime(m.seq, m.time)} names={names} />}
      <div className="replay-body">
        <div className="replay-main">
          <div className="replay-files">
            <div role="tablist" aria-label="Files at this moment">
              {paths.map((path) => (
                <button
                  key={path}
                  role="tab"
                  aria-selected={path === shown}
                  data-pinned={path === pinned}
                  title={path === pinned ? 'Pinned: shown whatever the edit' : 'Pin this file: keep showing it while you move through the replay'}
                  onClick={() => setPinned(path)}
                >
                  {path}
                </button>
              ))}
            </div>
            {paths.length > 0 && (
              <button
                className="replay-follow"
                aria-pressed={following}
                title={following ? 'Showing the file each edit changed; pick a file to pin it' : 'Stop pinning and show the file each edit changed'}
                onClick={() => setPinned(null)}
              >
                Follow edits
              </button>
            )}
            {paths.length === 0 && <span className="muted">No files at this moment.</span>}
          </div>
          <ReplayEditor path={shown ?? 'untitled.txt'} text={shown ? (p.files?.[shown] ?? '') : ''} cursors={cursors} />
          <ul className="replay-cursors" aria-label="Cursors">
            {cursors.map((c) => (
              <li key={c.author}>{`${c.name ?? c.author}: Ln ${c.line}, Col ${c.column}`}</li>
            ))}
          </ul>
          {shownTerminal && (
            <div className="replay-terminal-box">
              {terminals.length > 1 && (
                <select aria-label="Recorded terminal" value={shownTerminal} onChange={(e) => setTerminal(e.target.value)}>
                  {terminals.map((id) => (
                    <option key={id}>{id}</option>
                  ))}
                </select>
              )}
              <ReplayTerminal terminalId={shownTerminal} events={p.events} time={p.time} />
            </div>
          )}
        </div>
        <aside className="replay-side" aria-label="Moments">
          <MomentTools sessionId={sessionId} seq={p.seq} live={live} onSaved={() => void p.reload()} />
          <section aria-label="Compare">
            <h3>Compare</h3>
            <button onClick={() => setDiffFrom(p.seq)}>Compare from here</button>
            {diffFrom !== null && <button onClick={() => setDiffFrom(null)}>Stop comparing</button>}
          </section>
          {diffFrom !== null && <ReplayDiff sessionId={sessionId} from={diffFrom} to={p.seq} />}
        </aside>
      </div>
    </section>
  );
}

function MomentTools({ sessionId, seq, live, onSaved }: { sessionId: string; seq: number; live: boolean; onSaved: () => void }) {
  const [name, setName] = useState('');
  const [folder, setFolder] = useState('');
  const [snapshots, setSnapshots] = useState<Array<{ name: string; seq: number }>>([]);
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    void api.history
      .listSnapshots({ sessionId })
      .then(setSnapshots)
      // The list stays as it was; the host logs the failed request, and saving reports its own errors.
      .catch(() => {});
  useEffect(load, [sessionId]);

  const save = async () => {
    try {
      await api.history.createSnapshot({ sessionId, name: name.trim(), at: { seq } });
      setName('');
      setError(null);
      load();
      onSaved();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <>
      <section aria-label="Snapshots">
        <h3>Snapshots</h3>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) void save();
          }}
        >
          <input aria-label="Snapshot name" placeholder="Name this moment" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
          <button type="submit" disabled={!name.trim()}>
            Save snapshot
          </button>
        </form>
        {error && <p role="alert">{error}</p>}
        <ul aria-label="Saved snapshots">
          {snapshots.map((s) => (
            <li key={s.name}>
              {`${s.name} (edit ${s.seq}) `}
              <button
                disabled={!live}
                title={live ? 'Put these files into the open editors' : 'Open this session’s folder to restore into it'}
                onClick={() => void restoreMoment(sessionId, { snapshot: s.name })}
                aria-label={`Restore ${s.name}`}
              >
                Restore
              </button>
            </li>
          ))}
        </ul>
        {live && (
          <button onClick={() => void restoreMoment(sessionId, { seq })} title="Put the files of this moment into the open editors">
            Restore this moment
          </button>
        )}
      </section>
      <section aria-label="Fork">
        <h3>Fork</h3>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (folder.trim()) void forkMoment(sessionId, { seq }, folder);
          }}
        >
          <input aria-label="New folder for the fork" placeholder="/path/to/new-folder" value={folder} onChange={(e) => setFolder(e.target.value)} />
          <button type="submit" disabled={!folder.trim()}>
            Fork from this moment
          </button>
        </form>
      </section>
    </>
  );
}
