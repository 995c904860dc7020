import { useWorkbench, workbench } from '../state/store';
import { killTerminal, newTerminal, togglePanel } from '../workbench/actions';
import { TerminalView } from './TerminalView';
import { Icon } from '../workbench/icons';

/** The bottom panel: terminals as tabs, a button for another, one to close the panel. */
export function TerminalPanel() {
  const terminals = useWorkbench((s) => s.terminals);
  const active = useWorkbench((s) => s.activeTerminal);
  return (
    <section className="panel" aria-label="Terminal panel">
      <div className="panel-header">
        <div role="tablist" aria-label="Terminals" className="panel-tabs">
          {terminals.map((t, i) => (
            <div key={t.id} className={`panel-tab ${t.id === active ? 'active' : ''}`}>
              <button
                role="tab"
                aria-selected={t.id === active}
                onClick={() => workbench.set({ activeTerminal: t.id })}
                title={`${t.shell} in ${t.cwd}`}
              >
                {i + 1}: {t.title}
              </button>
              <button className="icon" aria-label={`Kill terminal ${i + 1}`} onClick={() => void killTerminal(t.id)}>
                ×
              </button>
            </div>
          ))}
        </div>
        <div className="panel-actions">
          <button className="icon" aria-label="New terminal" title="New Terminal (Ctrl+Shift+`)" onClick={() => void newTerminal()}>
            <Icon name="plus" />
          </button>
          <button className="icon" aria-label="Close panel" title="Toggle Terminal (Ctrl+`)" onClick={() => void togglePanel()}>
            <Icon name="chevronDown" />
          </button>
        </div>
      </div>
      <div className="panel-body">
        {terminals.length === 0 && (
          <div className="empty">
            No terminal is open. <button onClick={() => void newTerminal()}>Open a terminal</button>
          </div>
        )}
        {terminals.map((t) => (
          <TerminalView key={t.id} id={t.id} active={t.id === active} />
        ))}
      </div>
    </section>
  );
}
