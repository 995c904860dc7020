import { useEffect, useState } from 'react';
import { ROOM_DISK_QUOTA_MB, type RoomContainerStatus, type RoomStorage } from '../../common/contract-room-container';
import { api } from '../host';
import { useWorkbench } from '../state/store';
import { attempt, updateSettings } from '../workbench/actions';
import { containerScope } from './container-scope';
import { openRoomContainerTerminal } from './terminal-actions';

// The room container's controls (issue 10 item 3): make it (storage, disk quota, network), the
// visible network switch, copy the folder in, export an archive, open a terminal in it, remove it.
// Solo use: the open folder's container, kept until removed. While this window hosts a room: the
// room's container, removed when the room ends (main does it, so a closed page ends it too).

const STORAGE_LABELS: Record<RoomStorage, string> = {
  synced: 'Synced from this folder (host to container, as files change)',
  volume: 'Docker volume (starts empty)',
  archive: 'Imported from an archive',
};

function describe(status: RoomContainerStatus): string {
  const disk = status.usedMb === null ? `${status.quotaMb} MB quota` : `${status.usedMb} of ${status.quotaMb} MB used`;
  return `${status.running ? 'Running' : 'Stopped'} · ${status.languages.join(', ')} · ${disk} · network ${status.network ? 'allowed' : 'off'}`;
}

/** Whose container the dialog shows, and how long it lives. */
function lifetime(hostedRoom: string | null): string {
  return hostedRoom
    ? "This room's container: it is removed when the room ends. With Docker volume storage its files are kept; a copy of the folder or an archive goes with it (export an archive first to keep it)."
    : "This folder's container: it stays across restarts until you remove it or the folder leaves Recent.";
}

export function RoomContainerDialog({ onClose }: { onClose: () => void }) {
  const hostedRoom = useWorkbench((s) => (s.collab.room?.role === 'owner' ? s.collab.room.roomId : null));
  const runsHere = useWorkbench((s) => s.settings.runInRoomContainer);
  const scope = hostedRoom ? { room: hostedRoom } : {};
  const [status, setStatus] = useState<RoomContainerStatus | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState('');
  const [storage, setStorage] = useState<RoomStorage>('synced');
  const [quotaMb, setQuotaMb] = useState<number>(ROOM_DISK_QUOTA_MB.default);
  const [network, setNetwork] = useState(false);
  const [archive, setArchive] = useState('');

  // Read at call time: a room may start or end while the dialog is open.
  const refresh = () => attempt('Cannot read the room container', () => api.roomContainer.status(containerScope())).then((s) => s && setStatus(s));
  useEffect(() => {
    setStatus(null);
    void refresh();
  }, [hostedRoom]);
  useEffect(() => api.roomContainer.onDidProgress(({ message }) => setProgress(message)), []);

  const run = async (what: string, action: () => Promise<unknown>) => {
    setBusy(what);
    try {
      await attempt(what, action);
      await refresh();
    } finally {
      setBusy(null);
      setProgress('');
    }
  };

  return (
    <div role="dialog" aria-label="Room container" className="room-container-dialog" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <header>
        <strong>Room container</strong>
        <button className="icon" aria-label="Close room container" onClick={onClose}>
          ×
        </button>
      </header>
      {!status && <p>Reading…</p>}
      {status && !status.exists && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run('Cannot create the room container', () =>
              api.roomContainer.create({ ...scope, storage, quotaMb, network, ...(storage === 'archive' && archive ? { archive } : {}) }),
            );
          }}
        >
          <p>A persistent sandbox with this folder&apos;s languages, the same limits as runs, and a shell you can share.</p>
          <p>{lifetime(hostedRoom)}</p>
          <label>
            Storage
            <select value={storage} onChange={(e) => setStorage(e.target.value as RoomStorage)}>
              {(Object.keys(STORAGE_LABELS) as RoomStorage[]).map((s) => (
                <option key={s} value={s}>
                  {STORAGE_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          {storage === 'archive' && (
            <label>
              Archive name
              <input value={archive} onChange={(e) => setArchive(e.target.value)} placeholder="my-room" />
            </label>
          )}
          <label>
            Disk quota (MB)
            <input type="number" min={ROOM_DISK_QUOTA_MB.min} max={ROOM_DISK_QUOTA_MB.max} value={quotaMb} onChange={(e) => setQuotaMb(Number(e.target.value))} />
          </label>
          <label>
            <input type="checkbox" checked={network} onChange={(e) => setNetwork(e.target.checked)} /> Allow network
          </label>
          <button type="submit" disabled={!!busy}>
            Create room container
          </button>
        </form>
      )}
      {status?.exists && (
        <div className="room-container-controls">
          <p role="status">{describe(status)}</p>
          <p>{lifetime(hostedRoom)}</p>
          <label>
            <input
              type="checkbox"
              checked={status.network}
              disabled={!!busy}
              onChange={(e) => void run('Cannot switch the room container network', () => api.roomContainer.setNetwork({ ...scope, allowed: e.target.checked }))}
            />{' '}
            Allow network
          </label>
          <label>
            <input type="checkbox" checked={runsHere} onChange={(e) => void updateSettings({ runInRoomContainer: e.target.checked })} /> Runs use this container (what
            you install here is there for Run; off: each run gets a fresh sandbox)
          </label>
          <div className="room-container-actions">
            <button disabled={!!busy} onClick={() => void openRoomContainerTerminal().then(onClose)}>
              Open terminal in container
            </button>
            <button disabled={!!busy} onClick={() => void run('Cannot copy the folder in', () => api.roomContainer.sync(scope))}>
              Copy folder in
            </button>
            <input aria-label="Archive name" value={archive} onChange={(e) => setArchive(e.target.value)} placeholder="archive name" />
            <button disabled={!!busy || !archive} onClick={() => void run('Cannot export the archive', () => api.roomContainer.exportArchive({ ...scope, name: archive }))}>
              Export archive
            </button>
            <button disabled={!!busy || !archive} onClick={() => void run('Cannot import the archive', () => api.roomContainer.importArchive({ ...scope, name: archive }))}>
              Import archive
            </button>
            <button disabled={!!busy} onClick={() => void run('Cannot remove the room container', () => api.roomContainer.remove(scope))}>
              Remove room container
            </button>
          </div>
        </div>
      )}
      {busy && (
        <p role="status" aria-live="polite">
          {busy.replace(/^Cannot /, '')}… {progress}
        </p>
      )}
    </div>
  );
}
