import { languageLabel } from '../editor/monaco-setup';
import { useWorkbench, workbench } from '../state/store';
import { RecordingBadge } from '../replay/RecordingBadge';
import { runCommand } from './commands';

/** Docker and the images, as the run panel last heard; a click opens the run panel. */
function SandboxBadge() {
  const status = useWorkbench((s) => s.sandboxStatus);
  const build = useWorkbench((s) => s.imageBuild);
  if (!status && !build) return null;
  let text: string;
  if (build) text = `Building images ${build.done}/${build.total}`;
  else if (status!.docker !== 'ok') text = 'Docker unavailable';
  else {
    const missing = status!.images.filter((i) => !i.present).length;
    text = missing === 0 ? 'Sandbox ready' : `${missing} language${missing === 1 ? '' : 's'} without image`;
  }
  return (
    <button className="status-item status-button" aria-label="Sandbox state" onClick={() => workbench.set({ panelVisible: true, panelView: 'run' })}>
      {text}
    </button>
  );
}

/** The room this window is in, and how many people are connected; a click opens the Collaboration view. */
function RoomBadge() {
  const room = useWorkbench((s) => s.collab.room);
  const connection = useWorkbench((s) => s.collab.connection);
  if (!room) return null;
  const people = (connection?.peers ?? 0) + 1;
  const phase = connection?.phase ?? 'connecting';
  const state = phase === 'online' ? `${people} ${people === 1 ? 'person' : 'people'} connected` : phase === 'offline' ? 'offline' : phase === 'closed' ? 'closed' : phase === 'ended' ? 'room ended' : 'connecting…';
  return (
    <button
      className="status-item status-button"
      aria-label="Room state"
      onClick={() => workbench.set({ sideView: 'collab', sideBarVisible: true })}
      title={`Room ${room.roomId} (${room.role})`}
    >
      {room.role === 'owner' ? 'Sharing' : 'Guest'} · {state}
    </button>
  );
}

export function StatusBar() {
  const workspace = useWorkbench((s) => s.workspace);
  const connection = useWorkbench((s) => s.connection);
  const cursor = useWorkbench((s) => s.cursor);
  const language = useWorkbench((s) => s.language);
  const active = useWorkbench((s) => s.activeTab);
  const dirtyCount = useWorkbench((s) => Object.values(s.dirty).filter(Boolean).length);
  return (
    <footer className={`status-bar ${connection !== 'open' ? 'offline' : ''}`} aria-label="Status bar">
      <span className="status-item" title={workspace?.root}>
        {workspace ? workspace.name : 'No folder open'}
      </span>
      {dirtyCount > 0 && <span className="status-item">{dirtyCount} unsaved</span>}
      <span className="status-item" role="status" aria-label="Host connection">
        {connection === 'open' ? 'Host connected' : connection === 'connecting' ? 'Connecting to host…' : 'Host disconnected — retrying'}
      </span>
      <RecordingBadge className="status-item" />
      <RoomBadge />
      <SandboxBadge />
      <span className="spacer" />
      {active && cursor && (
        <button className="status-item status-button" aria-label="Go to Line/Column" title="Go to Line/Column (Ctrl+G)" onClick={() => runCommand('editor.gotoLine')}>
          {`Ln ${cursor.line}, Col ${cursor.column}${cursor.selected ? ` (${cursor.selected} selected)` : ''}`}
        </button>
      )}
      {active && language && (
        <button className="status-item status-button" aria-label="Select Language Mode" title="Select Language Mode" onClick={() => runCommand('editor.changeLanguage')}>
          {languageLabel(language)}
        </button>
      )}
      {active && <span className="status-item">UTF-8 · LF</span>}
    </footer>
  );
}
