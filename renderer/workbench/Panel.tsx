import { RunPanel } from '../run/RunPanel';
import { useWorkbench, workbench, type PanelView } from '../state/store';
import { TerminalTabs, TerminalViews } from '../terminal/TerminalPanel';
import { togglePanel } from './actions';
import { Icon } from './icons';

const VIEWS: { id: PanelView; label: string }[] = [
  { id: 'terminal', label: 'Terminal' },
  { id: 'run', label: 'Run' },
];

/** The bottom panel: the terminals and the run output, as VS Code's Terminal and Output. */
export function Panel() {
  const view = useWorkbench((s) => s.panelView);
  return (
    <section className="panel" aria-label="Panel">
      <div className="panel-header">
        <div role="tablist" aria-label="Panel views" className="panel-views">
          {VIEWS.map((v) => (
            <button key={v.id} role="tab" aria-selected={view === v.id} className={view === v.id ? 'active' : ''} onClick={() => workbench.set({ panelView: v.id })}>
              {v.label}
            </button>
          ))}
        </div>
        <div className="panel-actions">
          {view === 'terminal' && <TerminalTabs />}
          <button className="icon" aria-label="Close panel" title="Toggle Panel (Ctrl+`)" onClick={() => void togglePanel()}>
            <Icon name="chevronDown" />
          </button>
        </div>
      </div>
      <TerminalViews visible={view === 'terminal'} />
      {view === 'run' && <RunPanel />}
    </section>
  );
}
