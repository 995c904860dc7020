import { useEffect, useState } from 'react';
import { ROOM_DISK_QUOTA_MB, type RoomContainerStatus, type RoomStorage } from '../../common/contract-room-container';
import { api } from '../host';
import { attempt } from '../workbench/actions';
import { openRoomContainerTerminal } from './terminal-actions';

// The room container's controls (issue 10 item 3): make it (storage, disk quota, network), the
// visible network switch, copy the folder in, export an archive, open a terminal in it, remove it.
// Solo use: the open folder's container. (A room's container is the same service with the room id.)

const STORAGE_LABELS: Record<RoomStorage, string> = {
  synced: 'Copied from this folder',
  volume: 'Docker volume (starts empty)',
  archive: 'Imported from an archive',
};

function describe(status: RoomContainerStatus): string {
  const disk = status.usedMb === null ? `${status.quotaMb} MB quota` : `${status.usedMb} of ${status.quotaMb} MB used`;
  return `${status.running ? 'Running' : 'Stopped'} · ${status.languages.join(', ')} · ${disk} · network ${status.network ? 'allowed' : 'off'}`;
}

export function RoomContainerDialog({ onClose }: { onClose: () => void }) {
  const [status, setStatus] = useState<RoomContainerStatus | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState('');
  const [storage, setStorage] = useState<RoomStorage>('synced');
  const [quotaMb, setQuotaMb] = useState<number>(ROOM_DISK_QUOTA_MB.default);
  const [network, setNetwork] = useState(false);
  const [archive, setArchive] = useState('');

  const refresh = () => attempt('Cannot read the room container', () => api.roomContainer.status()).then((s) => s && setStatus(s));
  useEffect(() => {
    void refresh();
    return api.roomContainer.onDidProgress(({ message }) => setProgress(message));
  }, []);

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
              api.roomContainer.create({ storage, quotaMb, network, ...(storage === 'archive' && archive ? { archive } : {}) }),
            );
          }}
        >
          <p>A persistent sandbox with this folder&apos;s languages, the same limits as runs, and a shell you can share.</p>
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
          <label>
            <input
              type="checkbox"
              checked={status.network}
              disabled={!!busy}
              onChange={(e) => void run('Cannot switch the room container network', () => api.roomContainer.setNetwork({ allowed: e.target.checked }))}
            />{' '}
            Allow network
          </label>
          <div className="room-container-actions">
            <button disabled={!!busy} onClick={() => void openRoomContainerTerminal().then(onClose)}>
              Open terminal in container
            </button>
            <button disabled={!!busy} onClick={() => void run('Cannot copy the folder in', () => api.roomContainer.sync())}>
              Copy folder in
            </button>
            <input aria-label="Archive name" value={archive} onChange={(e) => setArchive(e.target.value)} placeholder="archive name" />
            <button disabled={!!busy || !archive} onClick={() => void run('Cannot export the archive', () => api.roomContainer.exportArchive({ name: archive }))}>
              Export archive
            </button>
            <button disabled={!!busy || !archive} onClick={() => void run('Cannot import the archive', () => api.roomContainer.importArchive({ name: archive }))}>
              Import archive
            </button>
            <button disabled={!!busy} onClick={() => void run('Cannot remove the room container', () => api.roomContainer.remove())}>
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
