import { baseName } from '../../common/paths';
import { useWorkbench, workbench } from '../state/store';
import { closeTab } from './actions';

export function EditorTabs() {
  const tabs = useWorkbench((s) => s.tabs);
  const active = useWorkbench((s) => s.activeTab);
  const dirty = useWorkbench((s) => s.dirty);
  const orphaned = useWorkbench((s) => s.orphaned);
  if (tabs.length === 0) return null;
  return (
    <div role="tablist" aria-label="Open editors" className="editor-tabs">
      {tabs.map((path) => {
        const label = `${baseName(path)}${dirty[path] ? ' (unsaved)' : ''}${orphaned[path] ? ' (deleted on disk)' : ''}`;
        return (
          <div key={path} className={`editor-tab ${path === active ? 'active' : ''} ${orphaned[path] ? 'orphaned' : ''}`} title={path}>
            <button
              role="tab"
              aria-selected={path === active}
              aria-label={label}
              data-path={path}
              onClick={() => workbench.set({ activeTab: path, selectedPath: path })}
              onAuxClick={(e) => e.button === 1 && void closeTab(path)}
            >
              {baseName(path)}
            </button>
            <button className="tab-close" aria-label={`Close ${baseName(path)}`} onClick={() => void closeTab(path)}>
              {dirty[path] ? <span className="dirty-dot">●</span> : '×'}
            </button>
          </div>
        );
      })}
    </div>
  );
}
