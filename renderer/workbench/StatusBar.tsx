import { languageLabel } from '../editor/monaco-setup';
import { useWorkbench } from '../state/store';
import { RecordingBadge } from '../replay/RecordingBadge';

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
      <span className="spacer" />
      {active && cursor && <span className="status-item">{`Ln ${cursor.line}, Col ${cursor.column}`}</span>}
      {active && language && <span className="status-item">{languageLabel(language)}</span>}
      {active && <span className="status-item">UTF-8 · LF</span>}
    </footer>
  );
}
