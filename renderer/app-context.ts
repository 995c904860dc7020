import { ActiveEditor } from './editor/active-editor';
import { WorkspaceDocuments } from './editor/workspace-documents';
import { api } from './host';
import { getLogger } from './log';
import { createInterviewRoom } from './interview/interview-room';
import { interviewState } from './interview/interview-state';
import { createRecordingClient } from './replay/recording-client';
import { createReplayController } from './replay/replay-controller';
import { isGuest } from './collab/room-mode';
import { createGuestFiles } from './collab/guest-files';
import { createRemoteCursors } from './collab/presence';
import { createRunController } from './run/run-controller';
import { workbench } from './state/store';
import { downloadFile } from './workbench/download';
import { createSearchController } from './workbench/search-controller';
import { containerScope } from './terminal/container-scope';
import { TerminalGpu } from './terminal/terminal-gpu';
import { TerminalProbe } from './terminal/terminal-probe';
import { TerminalScreens } from './terminal/terminal-screens';
import { TerminalSizes } from './terminal/terminal-sizes';
import { createNotices } from './workbench/notices';

// The composition point: the window's controllers, each made once here with its dependencies
// (the host's contract client, the one store, the documents). Controllers hold their own state;
// no other module keeps any. Tests build their own over a real host (test/integration/renderer).

export const notices = createNotices(workbench, getLogger('workbench'));

export const documents = new WorkspaceDocuments(api.workspace);

export const runs = createRunController({
  sandbox: api.sandbox,
  store: workbench,
  documents,
  notices,
  isGuest,
  // Where the room container is in use, runs see what the room installed (RoomContainerDialog's switch).
  roomContainer: () => (workbench.get().settings.runInRoomContainer ? containerScope() : null),
});

export const replay = createReplayController({ history: api.history, store: workbench, documents, notices, download: downloadFile });

export const activeEditor = new ActiveEditor();

export const search = createSearchController({ workspace: api.workspace, store: workbench });

/** What each terminal view shows and its size, for sharing a terminal; and the tests' probe. */
export const terminalViews = {
  sizes: new TerminalSizes(),
  screens: new TerminalScreens(),
  probe: new TerminalProbe(),
  gpu: new TerminalGpu(getLogger('terminal')),
};

export const interviewRoom = createInterviewRoom({
  interview: api.interview,
  store: workbench,
  state: interviewState,
  documents,
  notices,
  editor: activeEditor,
  log: getLogger('interview'),
});

export const recording = createRecordingClient({ history: api.history, workspace: api.workspace, store: workbench, documents, notices });

export const guestFiles = createGuestFiles({ documents, workspace: api.workspace });

export const remoteCursors = createRemoteCursors();
