import { useEffect } from 'react';
import { EditorPane } from '../editor/EditorPane';
import { api, connectionState, onDidChangeConnection } from '../host';
import { useWorkbench, workbench } from '../state/store';
import { clearNotice, handleFileChanges, loadRecent, notify, openFile, refreshTree } from './actions';
import { startRunInputs } from '../run/run-inputs';
import { handleGlobalKey } from './commands';
import { EditorTabs } from './EditorTabs';
import { Panel } from './Panel';
import { handleBuildProgress, handleRunEvent, refreshSandboxStatus } from '../run/run-actions';
import { ConfirmDialog, Toasts } from './Overlays';
import { LogsDialog } from './LogsDialog';
import { NamePrompt } from '../collab/NamePrompt';
import { QuickPick } from './QuickPick';
import { StatusBar } from './StatusBar';
import { Welcome } from './Welcome';
import { takeInviteFromLocation } from '../collab/deep-link';
import { joinRoom } from '../collab/session';
import { Icon } from './icons';
import { SIDE_VIEWS } from './views';
import { ReplayPlayer } from '../replay/ReplayPlayer';
import { useReplayState } from '../replay/replay-state';
import { CollabBadge } from '../collab/CollabView';
import { interviewRoom, recording } from '../app-context';
import '../interview/interview-probe';
import { ReportDialog } from '../interview/ReportDialog';
import { reportQuotaPassed, restoreTerminals } from '../terminal/terminal-actions';


/** The notice about an unreachable host is one, and goes once the host answers again (issue 11). */
const HOST_NOTICE = 'host-connection';
function reportUnreachable(error: unknown): void {
  console.error('workbench start:', error);
  notify(`Cannot reach the host: ${error instanceof Error ? error.message : String(error)}`, 'error', undefined, HOST_NOTICE);
}

async function start(): Promise<void> {
  const [settings, notices, current] = await Promise.all([api.settings.get(), api.app.getNotices(), api.workspace.current()]);
  workbench.set({ settings });
  for (const n of notices) notify(n.message, n.level);
  if (current) {
    workbench.set({ workspace: current });
    await refreshTree();
  }
  await loadRecent();
  await restoreTerminals();
  void refreshSandboxStatus();
  await joinPendingInvite();
}

/** An invite from the address bar (browser host) or from the OS (a codecrafter:// link, Electron): asks first (issue 8). */
async function joinPendingInvite(): Promise<void> {
  const invite = takeInviteFromLocation() ?? (await api.app.takePendingInvite()).link;
  if (invite) await joinRoom(invite, { confirm: true });
}

export function App() {
  const workspace = useWorkbench((s) => s.workspace);
  const sideView = useWorkbench((s) => s.sideView);
  const sideBarVisible = useWorkbench((s) => s.sideBarVisible);
  const panelVisible = useWorkbench((s) => s.panelVisible);
  const theme = useWorkbench((s) => s.settings.theme);
  const playerSession = useReplayState((s) => s.playerSession);

  useEffect(() => {
    workbench.set({ connection: connectionState() });
    const disposers = [
      onDidChangeConnection((connection) => {
        workbench.set({ connection });
        // After a reconnect the host may have restarted: re-read what it holds.
        if (connection === 'open') void start().then(() => clearNotice(HOST_NOTICE), reportUnreachable);
      }),
      startRunInputs(),
      api.workspace.onDidChangeFiles(({ changes }) => void handleFileChanges(changes)),
      api.settings.onDidChange((settings) => workbench.set({ settings })),
      api.sandbox.onDidRunEvent(handleRunEvent),
      api.app.onDidReceiveInvite(() => void joinPendingInvite()),
      api.sandbox.onDidBuildProgress(handleBuildProgress),
      api.roomContainer.onDidPassQuota(reportQuotaPassed),
      recording.start({ window, document }),
      interviewRoom.watchRoom(openFile),
    ];
    void start().then(() => clearNotice(HOST_NOTICE), reportUnreachable);
    window.addEventListener('keydown', handleGlobalKey, true);
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (Object.values(workbench.get().dirty).some(Boolean)) e.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      for (const dispose of disposers) dispose();
      window.removeEventListener('keydown', handleGlobalKey, true);
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, []);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  return (
    <div className="workbench">
      <div className="main-row">
        <nav className="activity-bar" aria-label="Views">
          {SIDE_VIEWS.map((v) => (
            <button
              key={v.id}
              className={`activity ${sideView === v.id && sideBarVisible ? 'active' : ''}`}
              aria-label={v.label}
              aria-pressed={sideView === v.id && sideBarVisible}
              title={v.label}
              onClick={() => workbench.set((s) => ({ sideView: v.id, sideBarVisible: s.sideView === v.id ? !s.sideBarVisible : true }))}
            >
              <Icon name={v.icon} size={24} />
              {v.id === 'collab' && <CollabBadge />}
            </button>
          ))}
        </nav>
        <SideBar />
        <div className="center">
          {playerSession && <ReplayPlayer key={playerSession} sessionId={playerSession} />}
          {workspace ? (
            <div className="editor-group" aria-label="Editor group" hidden={playerSession !== null}>
              <EditorTabs />
              <EditorPane />
              <EditorEmptyState />
            </div>
          ) : playerSession ? null : (
            <Welcome />
          )}
          {panelVisible && <Panel />}
        </div>
      </div>
      <StatusBar />
      <QuickPick />
      <ConfirmDialog />
      <LogsDialog />
      <NamePrompt />
      <ReportDialog />
      <Toasts />
    </div>
  );
}

function SideBar() {
  const workspace = useWorkbench((s) => s.workspace);
  const sideView = useWorkbench((s) => s.sideView);
  const visible = useWorkbench((s) => s.sideBarVisible);
  const view = SIDE_VIEWS.find((v) => v.id === sideView);
  if (!visible || !view || (view.needsWorkspace && !workspace)) return null;
  const View = view.component;
  return (
    <aside className="side-bar" aria-label="Side bar">
      <View />
    </aside>
  );
}

function EditorEmptyState() {
  const active = useWorkbench((s) => s.activeTab);
  if (active) return null;
  return (
    <div className="editor-empty">
      <p>Open a file from the Explorer, or press Ctrl+P to find one.</p>
      <p>Ctrl+Shift+P shows every command; Ctrl+Shift+F searches the folder; Ctrl+` toggles the terminal.</p>
    </div>
  );
}
