import { documents, guestFiles, interviewRoom, notices, recording, remoteCursors } from '../app-context';
import { api } from '../host';
import { getLogger } from '../log';
import { workbench } from '../state/store';
import { onDidRestartTerminal } from '../terminal/terminal-actions';
import { closeFolder, openFile, refreshTree, updateDirty, updateSettings } from '../workbench/actions';
import { createEditorLink } from './editor-link';
import { createFileSync } from './file-sync';
import { createIdentity } from './identity';
import { reportRefusals } from './room-notices';
import { createRoomSession } from './room-session';
import { createRoomTerminals } from './room-terminals-controller';
import { shareableTerminal } from './shareable-terminal';

// The window's room controllers, each made once here with its dependencies; the session itself is
// room-session.ts. They are made here, not in app-context.ts, because they use the workbench's
// actions (workbench/actions.ts), which use app-context.ts: made there, they would be an import
// cycle. This module keeps the import path the workbench's views and commands use.

export const identity = createIdentity({ store: workbench, updateSettings });

export const editorLink = createEditorLink({ documents, store: workbench });

export const roomTerminals = createRoomTerminals({ store: workbench, onDidRestartTerminal, shareable: shareableTerminal });

const fileSync = createFileSync({
  documents,
  store: workbench,
  room: api.room,
  workspace: api.workspace,
  notices,
  guestFiles,
  refreshTree,
  updateDirty,
  reportRefusals,
});

export const room = createRoomSession({
  api,
  store: workbench,
  documents,
  notices,
  workbench: { closeFolder, openFile, refreshTree, updateDirty, updateSettings },
  identity,
  editorLink,
  remoteCursors,
  fileSync,
  guestFiles,
  roomTerminals,
  recording,
  interviewRoom,
  chatLog: getLogger('chat'),
});

export const {
  defaultName,
  markChatRead,
  unsavedSharedFiles,
  saveSharedFiles,
  follow,
  stopFollowing,
  shareWorkspace,
  joinRoom,
  endRoom,
  retrySignallingNow,
  leaveRoom,
  goOffline,
  goOnline,
  sendChat,
  setChatTyping,
  rename,
  roomAdmin,
  roomChannel,
  transportStats,
} = room;

export const { savedIdentity, saveIdentity, useNamePrompt, answerNamePrompt, ensureIdentity } = identity;

export const { attachEditor, linkBinding, currentEditor } = editorLink;
