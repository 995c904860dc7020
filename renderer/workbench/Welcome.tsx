import { useState } from 'react';
import { useWorkbench } from '../state/store';
import { api } from '../host';
import { attempt, loadRecent, openFolder, pickAndOpenFolder } from './actions';
import { joinRoom } from '../collab/session';

/** The empty state: how to start. A path field (browser host) or a native picker (Electron), and recent folders. */
export function Welcome() {
  const recent = useWorkbench((s) => s.recent);
  const [path, setPath] = useState('');
  const [invite, setInvite] = useState('');
  const native = window.codecrafter !== undefined;
  return (
    <main className="welcome" aria-label="Welcome">
      <h1>CodeCrafter</h1>
      <p className="subtitle">Open a folder to start editing, running and sharing code.</p>
      {native && (
        <button className="primary" onClick={() => void pickAndOpenFolder()}>
          Open Folder…
        </button>
      )}
      <form
        className="open-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (path.trim()) void openFolder(path);
        }}
      >
        <label htmlFor="folder-path">Folder path on this machine</label>
        <div className="row">
          <input id="folder-path" value={path} placeholder="/home/you/project" onChange={(e) => setPath(e.target.value)} spellCheck={false} />
          <button type="submit" className={native ? '' : 'primary'} disabled={!path.trim()}>
            Open
          </button>
        </div>
      </form>
      <form
        className="open-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (invite.trim()) void joinRoom(invite);
        }}
      >
        <label htmlFor="invite-link">Or join a room with an invite link</label>
        <div className="row">
          <input id="invite-link" value={invite} placeholder="codecrafter://join/…#…" onChange={(e) => setInvite(e.target.value)} spellCheck={false} />
          <button type="submit" disabled={!invite.trim()}>
            Join
          </button>
        </div>
      </form>
      <section aria-label="Recent folders" className="recent">
        <h2>Recent</h2>
        {recent.length === 0 ? (
          <p className="empty">No recent folders yet.</p>
        ) : (
          <ul>
            {recent.map((r) => (
              <li key={r.path}>
                <button className="link" onClick={() => void openFolder(r.path)} title={r.path}>
                  {r.name}
                </button>
                <span className="recent-path">{r.path}</span>
                <button
                  className="icon"
                  aria-label={`Remove ${r.name} from recent`}
                  onClick={() => void attempt('Cannot update recent folders', () => api.recent.remove({ path: r.path })).then(loadRecent)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
