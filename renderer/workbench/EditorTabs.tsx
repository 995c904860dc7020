import { baseName } from '../../common/paths';
import { useWorkbench, workbench } from '../state/store';
import { languageForFile } from '../../common/languages';
import { cancelRun, runActiveFile } from '../run/run-actions';
import { limitProblems } from '../run/run-inputs';
import { closeTab } from './actions';

/** The editor's title actions (issue 11): ▶ runs the active file, ■ stops the run going on. */
function EditorActions({ active }: { active: string }) {
  const running = useWorkbench((s) => s.currentRun !== null && s.currentRun.state !== 'done');
  const runLanguage = useWorkbench((s) => s.runLanguage);
  const limits = useWorkbench((s) => s.runLimits);
  const language = runLanguage ?? languageForFile(active)?.id ?? null;
  const problems = limitProblems(limits, language);
  const blocked = !language ? 'No language to run this file with: pick one in the run panel.' : (problems.timeMs ?? problems.memoryMb);
  return (
    <div className="editor-actions" role="toolbar" aria-label="Editor actions">
      {running ? (
        <button className="icon run-button" aria-label="Stop run" title="Stop" onClick={() => void cancelRun()}>
          ■
        </button>
      ) : (
        <button
          className="icon run-button"
          aria-label={`Run ${baseName(active)}`}
          title={blocked ?? 'Run File (Ctrl+Enter)'}
          disabled={blocked !== undefined}
          onClick={() => void runActiveFile()}
        >
          ▶
        </button>
      )}
    </div>
  );
}

export function EditorTabs() {
  const tabs = useWorkbench((s) => s.tabs);
  const active = useWorkbench((s) => s.activeTab);
  const dirty = useWorkbench((s) => s.dirty);
  const orphaned = useWorkbench((s) => s.orphaned);
  if (tabs.length === 0) return null;
  return (
    <div className="editor-title">
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
      {active && <EditorActions active={active} />}
    </div>
  );
}
