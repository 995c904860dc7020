import { useWorkbench, workbench } from '../state/store';
import { killTerminal, newTerminal } from '../workbench/actions';
import { Icon } from '../workbench/icons';
import { TerminalView } from './TerminalView';

/** The terminal tabs and their actions, for the panel header. */
export function TerminalTabs() {
  const terminals = useWorkbench((s) => s.terminals);
  const active = useWorkbench((s) => s.activeTerminal);
  return (
    <>
      <div role="tablist" aria-label="Terminals" className="panel-tabs">
        {terminals.map((t, i) => (
          <div key={t.id} className={`panel-tab ${t.id === active ? 'active' : ''}`}>
            <button role="tab" aria-selected={t.id === active} onClick={() => workbench.set({ activeTerminal: t.id })} title={`${t.shell} in ${t.cwd}`}>
              {i + 1}: {t.title}
            </button>
            <button className="icon" aria-label={`Kill terminal ${i + 1}`} onClick={() => void killTerminal(t.id)}>
              <Icon name="close" size={12} />
            </button>
          </div>
        ))}
      </div>
      <button className="icon" aria-label="New terminal" title="New Terminal (Ctrl+Shift+`)" onClick={() => void newTerminal()}>
        <Icon name="plus" />
      </button>
    </>
  );
}

/** Every terminal stays mounted while its tab or the panel view is hidden: xterm keeps its screen. */
export function TerminalViews({ visible }: { visible: boolean }) {
  const terminals = useWorkbench((s) => s.terminals);
  const active = useWorkbench((s) => s.activeTerminal);
  return (
    <div className="panel-body" hidden={!visible}>
      {terminals.length === 0 && (
        <div className="empty">
          No terminal is open. <button onClick={() => void newTerminal()}>Open a terminal</button>
        </div>
      )}
      {terminals.map((t) => (
        <TerminalView key={t.id} id={t.id} active={visible && t.id === active} />
      ))}
    </div>
  );
}
