import { formatInvite, newRoom, parseInvite, signalUrlWithToken, type Invite } from '../../common/invite';
import type { Contract } from '../../common/contract';
import type { ClientOf } from '../../common/rpc';
import type { WorkspaceDocuments } from '../editor/workspace-documents';
import type { WorkbenchStore } from '../state/store';
import type { Notices } from '../workbench/notices';
import { confirmJoin, settleUnsavedEdits } from './join-consent';
import { isInside } from '../../common/paths';
import type { FileChange } from '../../common/types';
import { RoomChat } from './chat';
import { createChatUnread } from './chat-unread';
import { LOCAL_AUTHOR } from '../../common/contract-history';
import { ColorSchema } from '../../common/identity';
import type { ChatMessage } from '../../common/chat';
import type { RecordingClient } from '../replay/recording-client';
import type { RendererLogger } from '../log';
import { EMPTY_COLLAB, type CollabState, type RoomRole } from './collab-state';
import type { EditorLink } from './editor-link';
import { loadIceText, parseIceServers } from './ice-servers';
import type { RoomIdentity } from './identity';
import { participants, readPeerState, setLocalField, setLocalUser, type RemoteCursors } from './presence';
import type { FileSync } from './file-sync';
import { MAX_SHARED_FILE_BYTES, notSharedMessage, type GuestFiles } from './guest-files';
import { RoomConnection } from './room-connection';
import { MAX_MESSAGE_BYTES } from './chunking';
import type { RoomSigner, RoomEvent } from './provider/room-provider';
import { savedAdmissionPolicy } from './admission-policy';
import type { RoomChannel } from './room-channel';
import { startGuestRuns } from './guest-runs';
import type { RoomTerminalsController } from './room-terminals-controller';
import type { InterviewRoom } from '../interview/interview-room';
import { noticeToRoom, reportRefusals, watchHostNotices } from './room-notices';
import type { PeerOpRefusal } from '../../common/peer-file-ops';
import type { MembershipEntry } from '../../common/membership';

// A room's lifecycle in this window (issue 4): Share turns the open workspace into a room, Join
// enters one from an invite, Leave ends it. State for the UI goes to the workbench store.

/** Participants list and follow mode catch up with awareness at most this often. */
const PRESENCE_REFRESH_MS = 40;
/**
 * The host's "room ended" goes through the doc's meta map (issue 11), so guests stop looking for a
 * signalling server that is about to stop; the host waits this long for it to leave the data channels.
 */
const ROOM_ENDED_KEY = 'roomEndedAt';
const END_NOTICE_MS = 300;

type Api = ClientOf<Contract>;

export interface RoomSessionDeps {
  api: Pick<Api, 'identity' | 'room' | 'workspace' | 'membership'>;
  store: WorkbenchStore;
  documents: WorkspaceDocuments;
  notices: Pick<Notices, 'ask' | 'attempt' | 'notify'>;
  /** The workbench's actions a room uses (workbench/actions.ts). */
  workbench: {
    closeFolder(): Promise<void>;
    openFile(path: string): Promise<void>;
    refreshTree(): Promise<void>;
    updateDirty(path: string): void;
    updateSettings(patch: { roomSignalLan?: boolean }): Promise<void>;
  };
  identity: Pick<RoomIdentity, 'savedIdentity' | 'ensureIdentity'>;
  editorLink: Pick<EditorLink, 'scrollToLine' | 'setUserInputListener'>;
  remoteCursors: RemoteCursors;
  fileSync: FileSync;
  guestFiles: Pick<GuestFiles, 'hostForget' | 'listNewFile' | 'publishFolder' | 'startRoomFiles' | 'loadListedForRun'>;
  roomTerminals: Pick<RoomTerminalsController, 'start'>;
  /** The history recorder: chat lines become replay markers. */
  recording: Pick<RecordingClient, 'recordEvent'>;
  /** The interview's clock, sample runs and pad lock travel on the room's channel. */
  interviewRoom: Pick<InterviewRoom, 'attachChannel'>;
  /** The chat's log. */
  chatLog: Pick<RendererLogger, 'warn'>;
  /** The page's address: invites for the browser host start with its origin. */
  origin?: () => string;
  /** Whether the page is shown at all (a hidden page's chat is out of sight). */
  pageVisible?: () => boolean;
}

export type RoomSession = ReturnType<typeof createRoomSession>;

/** This window's room: made once (session.ts), with everything it uses given here. */
export function createRoomSession(deps: RoomSessionDeps) {
  const { api, store: workbench, documents, notices, identity, editorLink, remoteCursors, fileSync, guestFiles, roomTerminals, chatLog } = deps;
  const { ask, attempt, notify } = notices;
  const { closeFolder, openFile, refreshTree, updateDirty, updateSettings } = deps.workbench;
  const { savedIdentity, ensureIdentity } = identity;
  const { scrollToLine, setUserInputListener } = editorLink;
  const { hostForget, listNewFile, publishFolder, startRoomFiles } = guestFiles;
  const { drawGuestTree, watchRoomFiles } = fileSync;
  const origin = deps.origin ?? (() => location.origin);
  const pageVisible = deps.pageVisible ?? (() => document.visibilityState === 'visible');
  const paintRemoteCursors = (list: Parameters<RemoteCursors['paint']>[0]) => remoteCursors.paint(list);

  let connection: RoomConnection | null = null;
  let disposers: Array<() => void> = [];
  let chat: RoomChat | null = null;
  const chatUnread = createChatUnread({ store: workbench, pageVisible });
  let endNoticeShown = false;

  function setCollab(patch: Partial<CollabState>): void {
    workbench.set((s) => ({ collab: { ...s.collab, ...patch } }));
  }

  /** The name for this window in a room; share and join ask for one first, so the fallback is rare. */
  function defaultName(role: RoomRole): string {
    return savedIdentity()?.name || (role === 'owner' ? 'Host' : 'Guest');
  }

  function iceServers(): RTCIceServer[] {
    const { servers, problems } = parseIceServers(loadIceText());
    if (problems.length) notify(`ICE servers: ${problems.join('; ')}. The valid lines are used.`, 'warning');
    return servers;
  }

  function markChatRead(): void {
    chatUnread.markRead();
  }

  function refreshPresence(): void {
    const list = participants(documents.awareness);
    paintRemoteCursors(list);
    const chatTyping: string[] = [];
    for (const [clientId, raw] of documents.awareness.getStates()) {
      const state = readPeerState(raw) as (ReturnType<typeof readPeerState> & { chatTyping?: boolean }) | null;
      if (clientId !== documents.awareness.clientID && state?.chatTyping) chatTyping.push(state.user.name);
    }
    setCollab({ participants: list, chatTyping });
    followStep();
  }

  /** New chat lines (live or a late joiner's history): shown, counted while the chat is out of sight, recorded. */
  function onChatAdded(room: RoomChat, lines: ChatMessage[], selfKey: string): void {
    const unread = chatUnread.added(lines, selfKey);
    for (const line of lines) {
      const own = line.author === selfKey;
      // The replay's marker names the author as this window knew it: its name and key fingerprint.
      deps.recording.recordEvent({ kind: 'chat', author: own ? LOCAL_AUTHOR : `${line.name} (${line.fingerprint})`, messageId: line.id, text: line.text });
    }
    setCollab({ chat: [...room.messages()], chatUnread: unread });
  }

  /** The room's chat on its authenticated channel (chat.ts); every member, viewers too, may write. */
  function startChat(conn: RoomConnection, roomId: string, name: string): () => void {
    const channel = conn.channel;
    const color = ColorSchema.safeParse(readPeerState(documents.awareness.getLocalState())?.user.color);
    const room = new RoomChat(channel, {
      roomId,
      self: { name, color: color.success ? color.data : '#cccccc' },
      sign: (fields) => api.identity.signChatMessage(fields),
      onRefused: (reason, from) => chatLog.warn(`refused a chat message from ${from.name} (${from.fingerprint}): ${reason}; more of this kind from them are only counted`, { roomId, reason, member: from.fingerprint, role: from.role }),
    });
    chat = room;
    chatUnread.reset();
    setCollab({ chat: [], chatUnread: 0 });
    const offAdded = room.onDidAdd((lines) => onChatAdded(room, lines, channel.selfKey));
    // A member who arrives (or comes back, or us being admitted) is asked for what it heard.
    const offMembers = conn.onDidChange(() => room.syncHistory());
    room.syncHistory();
    return () => {
      offMembers();
      offAdded();
      room.dispose();
      if (chat === room) chat = null;
    };
  }

  /**
   * Host: the folder changed on disk (or through the Explorer). New text files join the room,
   * deleted ones leave it, and an outside change to a shared file nobody here has open is merged
   * in (open tabs are merged by the workbench's own handler).
   */
  async function publishDiskChanges(changes: FileChange[]): Promise<void> {
    const open = new Set(workbench.get().tabs);
    for (const change of changes) {
      if (change.kind === 'deleted') {
        documents.doc.transact(() => {
          for (const key of [...documents.files.keys()]) if (isInside(key, change.path)) documents.files.delete(key);
          hostForget(change.path);
        });
      } else if (change.entryKind === 'file' && change.kind === 'created' && !documents.files.has(change.path)) {
        // A room that shared a big folder lists the new file; its text comes when someone opens it.
        if (listNewFile(change.path)) {
          void attempt('Cannot share the files with the room', () => api.room.markShared({ paths: [change.path] }));
          continue;
        }
        // A file that cannot be read now (gone again, unreadable) is not shared; main logged the refusal.
        const file = await api.workspace.readFile({ path: change.path }).catch(() => null);
        if (file && file.content.length <= MAX_SHARED_FILE_BYTES && !file.content.includes('\u0000')) documents.adopt(change.path, file.content);
      } else if (change.entryKind === 'file' && change.kind === 'changed' && documents.files.has(change.path) && !open.has(change.path)) {
        // The room keeps its text; the next change on disk merges again (main logged a failed read).
        await documents.mergeFromDisk(change.path).catch(() => false);
      }
    }
  }

  /** Host: the shared files that differ from disk (a guest may have edited one the host never opened). */
  function unsavedSharedFiles(): string[] {
    return [...documents.files.keys()].filter((path) => documents.isDirty(path));
  }

  /**
   * Host: writes every shared file that differs from disk. Their text may come from members, so
   * it goes through the host write policy like any other member change (docs/trust.md).
   */
  async function saveSharedFiles(): Promise<number> {
    let saved = 0;
    const refused: PeerOpRefusal[] = [];
    for (const path of unsavedSharedFiles()) {
      const content = documents.text(path)?.toString() ?? '';
      const result = await attempt(`Cannot save "${path}"`, () => api.room.applyPeerChanges({ ops: [{ kind: 'write', path, content }] }));
      if (result?.applied.length) {
        documents.markSaved(path, content);
        saved++;
      }
      refused.push(...(result?.refused ?? []));
    }
    if (refused.length > 0) reportRefusals(refused);
    for (const tab of workbench.get().tabs) updateDirty(tab);
    return saved;
  }

  /** Follow mode: open the followed peer's active file and show the lines they see. */
  function followStep(): void {
    const target = workbench.get().collab.following;
    if (target === null) return;
    const state = readPeerState(documents.awareness.getStates().get(target));
    if (!state) {
      stopFollowing();
      notify('The person you followed has left.', 'info');
      return;
    }
    const file = state.activeFile;
    if (file && workbench.get().activeTab !== file && documents.files.has(file)) void openFile(file);
    if (state.viewport && state.viewport.file === workbench.get().activeTab) scrollToLine(state.viewport.top);
  }

  function follow(clientId: number): void {
    setCollab({ following: clientId });
    setUserInputListener(() => stopFollowing());
    followStep();
  }

  function stopFollowing(): void {
    setUserInputListener(null);
    setLocalField(documents.awareness, 'follow', null);
    if (workbench.get().collab.following !== null) setCollab({ following: null });
  }

  /** This user's room identity: main holds the key and signs handshakes and membership entries. */
  async function roomSigner(): Promise<RoomSigner | null> {
    const identity = await attempt('Cannot read your room identity', () => api.identity.get({}));
    if (!identity) return null;
    return {
      publicKey: identity.publicKey,
      signHandshake: (transcript, side) => api.identity.signHandshake({ transcript, side }).then((r) => r.sig),
      signEntry: (fields) => api.identity.signMembershipEntry(fields),
    };
  }

  const REMOVED_TEXT = {
    denied: 'The owner did not let you in.',
    kicked: 'The owner removed you from the room. What was shared stays open here until you leave.',
    banned: 'The owner banned you from the room. What was shared stays open here until you leave.',
  } as const;

  function onRoomEvent(event: RoomEvent): void {
    const room = workbench.get().collab.room;
    if (event.kind === 'rekeyed' && room) {
      // A ban gave the room a new secret: the invite shown here changes with it.
      const invite = parseInvite(room.invite);
      if (invite.ok) {
        const next = { ...invite.invite, secret: event.secret };
        setCollab({ room: { ...room, invite: formatInvite(next), webInvite: formatInvite(next, origin()) } });
      }
    } else if (event.kind === 'removed') notify(REMOVED_TEXT[event.reason], 'warning');
    else if (event.kind === 'ended' && room?.role === 'guest') roomEnded();
    else if (event.kind === 'admitted' && room?.role === 'guest') notify(`You are in the room as ${event.role}.`, 'info');
    else if (event.kind === 'read-only' && room?.role === 'guest') notify(event.on ? 'The owner made the room read-only.' : 'The room is editable again.', 'info');
    else if (event.kind === 'oversized') {
      notify(`${event.from} sent more than a room takes in one message (${Math.floor(MAX_MESSAGE_BYTES / 2 ** 20)} MB), so this window dropped the connection. If it was the room's files, the host can share a smaller folder.`, 'warning');
    }
  }

  function refreshMembers(conn: RoomConnection): void {
    const provider = conn.provider;
    const selfRole = provider.role();
    const writer = selfRole !== 'knocking' && selfRole !== 'viewer' && (!provider.readOnly || selfRole === 'owner');
    setCollab({ members: conn.members(), selfRole, canEdit: writer, readOnly: provider.readOnly });
  }

  /** The membership log kept for this room (a guest that comes back keeps its grant, a ban stays). */
  async function keptEntries(roomId: string): Promise<MembershipEntry[]> {
    return (await attempt('Cannot read the room’s membership log', () => api.membership.load({ roomId })))?.entries ?? [];
  }

  function connect(invite: Invite, role: RoomRole, connectUrl: string, lanUrl: string | null, signer: RoomSigner, entries: MembershipEntry[] = []): boolean {
    const { ownerKey, salt } = invite;
    if (!ownerKey || !salt) {
      notify('This invite does not name the room owner’s key (it is from an older CodeCrafter). Ask the owner for a new invite.');
      return false;
    }
    setLocalUser(documents.awareness, defaultName(role), role, savedIdentity()?.color);
    setLocalField(documents.awareness, 'activeFile', workbench.get().activeTab);
    try {
      connection = new RoomConnection({
        roomId: invite.roomId,
        secret: invite.secret,
        signalUrl: connectUrl,
        iceServers: iceServers(),
        doc: documents.doc,
        awareness: documents.awareness,
        signer,
        name: defaultName(role),
        ownerKey,
        salt,
        admission: role === 'owner' ? savedAdmissionPolicy() : 'knock',
        entries,
        onEntries: (fresh) => {
          void attempt('Cannot keep the room’s membership log', () => api.membership.save({ roomId: invite.roomId, ownerKey, salt, entries: fresh }));
        },
      });
    } catch (error) {
      notify(`Cannot enter the room: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
    const conn = connection;
    endNoticeShown = false;
    // Guest runs travel on the room's authenticated channel (issue 8 item 6).
    const channel: RoomChannel = conn.channel;
    documents.shared = true;
    documents.beforeClear = () => leaveRoom();
    // Every keystroke moves someone's cursor: coalesce the list's re-render, not the cursors' paint.
    let presenceTimer: ReturnType<typeof setTimeout> | null = null;
    const awarenessListener = () => {
      presenceTimer ??= setTimeout(() => {
        presenceTimer = null;
        refreshPresence();
      }, PRESENCE_REFRESH_MS);
    };
    documents.awareness.on('change', awarenessListener);
    const idleTimer = setInterval(refreshPresence, 10_000);
    const meta = documents.meta;
    const metaListener = (event: { keysChanged: Set<string> }) => {
      if (role === 'guest' && event.keysChanged.has(ROOM_ENDED_KEY) && meta.get(ROOM_ENDED_KEY)) roomEnded();
    };
    meta.observe(metaListener);
    disposers = [
      role === 'owner' ? api.workspace.onDidChangeFiles(({ changes }) => void publishDiskChanges(changes)) : () => {},
      conn.onDidChange((status) => {
        setCollab({ connection: status });
        refreshMembers(conn);
      }),
      conn.onEvent(onRoomEvent),
      () => documents.awareness.off('change', awarenessListener),
      () => {
        if (presenceTimer !== null) clearTimeout(presenceTimer);
      },
      startChat(conn, invite.roomId, defaultName(role)),
      () => meta.unobserve(metaListener),
      watchRoomFiles(),
      role === 'guest' ? watchHostNotices() : () => {},
      startGuestRuns(channel, role === 'owner' ? 'owner' : 'guest', { hostName: () => savedIdentity()?.name ?? 'Host', loadListedForRun: guestFiles.loadListedForRun }),
      // A big folder's files reach guests when they open them (guest-files.ts).
      startRoomFiles(channel, role === 'owner' ? 'owner' : 'guest'),
      // The interview clock and the candidate's sample runs (issue 9) travel on the same channel.
      // The pad lock is enforced through the room's membership log (interview/pad-lock.ts).
      deps.interviewRoom.attachChannel(channel, conn.provider),
      // Shared terminals (issue 10 item 4) too; members ask for the list when admitted.
      roomTerminals.start(channel, role === 'owner' ? 'owner' : 'guest', conn.onDidChange),
      () => clearInterval(idleTimer),
      workbench.subscribe((s, prev) => {
        if (s.activeTab !== prev.activeTab) setLocalField(documents.awareness, 'activeFile', s.activeTab);
        if (s.sideView !== prev.sideView || s.sideBarVisible !== prev.sideBarVisible) {
          if (chatUnread.visible()) markChatRead();
        }
      }),
    ];
    setCollab({
      room: {
        roomId: invite.roomId,
        role,
        invite: formatInvite(invite),
        webInvite: formatInvite(invite, origin()),
        signalUrl: invite.signalUrl,
        lanUrl,
      },
      connection: conn.status(),
    });
    refreshMembers(conn);
    refreshPresence();
    return true;
  }

  /**
   * Where the room's signalling server listens (issue 8 item 7): this machine only, or the LAN too.
   * Asked at every share, the last answer first; null when the user cancels the share.
   */
  async function askSignalReach(): Promise<boolean | null> {
    const lanBefore = workbench.get().settings.roomSignalLan;
    const choice = await ask(
      'Who can reach this room?',
      'People join through a signalling server that runs in CodeCrafter while you share. "This machine only" keeps it on 127.0.0.1 (guests in other browsers or windows on this computer, or through an SSH tunnel). "This machine and my network" lets people on your LAN join too. Either way, only people with the invite get in.',
      [
        { id: 'local', label: 'This machine only', primary: !lanBefore },
        { id: 'lan', label: 'This machine and my network', primary: lanBefore },
      ],
    );
    if (choice === 'cancel') return null;
    const lan = choice === 'lan';
    if (lan !== lanBefore) void updateSettings({ roomSignalLan: lan });
    return lan;
  }

  /** Host: publish the open workspace's text files (a big folder: its tree) into the doc and open the room. */
  async function shareWorkspace(): Promise<void> {
    if (connection || !workbench.get().workspace) return;
    // Nobody enters a room nameless (issue 11); cancelling the prompt cancels the share.
    if (!(await ensureIdentity('share'))) return;
    const lan = await askSignalReach();
    if (lan === null) return;
    setCollab({ busy: 'sharing' });
    try {
      const signer = await roomSigner();
      if (!signer) return;
      const hosting = await attempt('Cannot start the room', () => api.room.startHosting({ lan }));
      if (!hosting?.signalUrl || !hosting.signalToken) return;
      if (lan && !hosting.lanUrl) notify('This machine has no LAN address: the room is reachable from this machine only.', 'warning');
      // The invite says who invites (the dialog a guest sees first shows it); without an identity key it says nothing.
      const me = await api.identity.get({}).catch(() => null);
      const tree = await attempt('Cannot list the folder', () => api.workspace.listFiles({}));
      // As above: an unreadable file is left out of the room, and main logged why.
      const { shared, notShared } = await publishFolder(tree?.entries ?? [], (path) => api.workspace.readFile({ path }).then((file) => file.content, () => null));
      // Said here and, through the doc, to every guest.
      if (notShared.length) noticeToRoom(notSharedMessage(notShared));
      // A room shared before from this doc said it ended; this one has not.
      documents.meta.delete(ROOM_ENDED_KEY);
      // The host write policy lets members change only what was shared (and what they make).
      await attempt('Cannot share the files with the room', () => api.room.markShared({ paths: shared }));
      const inviter = me ? { name: defaultName('owner'), fingerprint: me.fingerprint } : undefined;
      const invite = newRoom(hosting.lanUrl ?? hosting.signalUrl, hosting.signalToken, signer.publicKey, inviter);
      const ownerUrl = signalUrlWithToken({ signalUrl: hosting.signalUrl, signalToken: hosting.signalToken });
      if (!connect(invite, 'owner', ownerUrl, hosting.lanUrl, signer)) return;
      workbench.set({ sideView: 'collab', sideBarVisible: true });
    } finally {
      setCollab({ busy: null });
    }
  }

  /**
   * Guest: enter a room from an invite; this window's folder (if any) is closed first, after its
   * unsaved edits are saved or knowingly discarded. `confirm` (links opened from outside: the OS's
   * codecrafter:// handler, the browser host's /join address) asks first, showing the room, who
   * invites and the signalling host (issue 8 item 8); a link the user pasted into Join was chosen.
   */
  async function joinRoom(link: string, options: { confirm?: boolean } = {}): Promise<boolean> {
    const parsed = parseInvite(link);
    if (!parsed.ok) {
      notify(parsed.problem);
      return false;
    }
    if (options.confirm && !(await confirmJoin(parsed.invite))) return false;
    if (!(await ensureIdentity('join'))) return false;
    if (!parsed.invite.ownerKey) {
      notify('This invite does not name the room owner’s key (it is from an older CodeCrafter). Ask the owner for a new invite.');
      return false;
    }
    const signer = await roomSigner();
    if (!signer) return false;
    if (!(await settleUnsavedEdits(saveSharedFiles))) return false;
    if (connection) await endRoom();
    setCollab({ busy: 'joining' });
    try {
      if (workbench.get().workspace) await closeFolder();
      documents.clear();
      const invite = parsed.invite;
      workbench.set({
        workspace: { root: '', name: `Room ${invite.roomId.slice(0, 6)}` },
        entries: [],
        tabs: [],
        activeTab: null,
        dirty: {},
        orphaned: {},
        selectedPath: null,
        expanded: {},
      });
      if (!connect(invite, 'guest', signalUrlWithToken(invite), null, signer, await keptEntries(invite.roomId))) return false;
      drawGuestTree();
      return true;
    } finally {
      setCollab({ busy: null });
    }
  }

  /** Guest: the host ended the room. What was shared stays readable until the guest leaves. */
  function roomEnded(): void {
    // The owner says it twice (its own message, and the doc's mark for older peers): one notice.
    if (endNoticeShown) return;
    endNoticeShown = true;
    connection?.markEnded();
    notify('The host ended the room. What was shared stays open here until you leave.', 'info');
  }

  /** Host: tells the room it ends (so guests stop retrying the signalling server), then leaves. */
  async function endRoom(): Promise<void> {
    if (!connection) return;
    if (workbench.get().collab.room?.role !== 'owner') return leaveRoom();
    if (connection.status().peers > 0) {
      connection.admin.end();
      documents.meta.set(ROOM_ENDED_KEY, Date.now());
      await new Promise((resolve) => setTimeout(resolve, END_NOTICE_MS));
    }
    leaveRoom();
    // The mark was for that room's guests; the folder's doc carries on solo.
    documents.meta.delete(ROOM_ENDED_KEY);
  }

  function retrySignallingNow(): void {
    connection?.retryNow();
  }

  function leaveRoom(): void {
    if (!connection) return;
    const role = workbench.get().collab.room?.role;
    stopFollowing();
    for (const dispose of disposers) dispose();
    disposers = [];
    connection.destroy();
    connection = null;
    documents.beforeClear = null;
    documents.shared = false;
    documents.awareness.setLocalState({});
    paintRemoteCursors([]);
    workbench.set({ collab: EMPTY_COLLAB });
    if (role === 'owner') {
      void attempt('Cannot stop the room', () => api.room.stopHosting({}));
      void refreshTree();
    } else if (role === 'guest') {
      documents.clear();
      workbench.set({ workspace: null, entries: [], tabs: [], activeTab: null, dirty: {}, orphaned: {} });
    }
  }

  function goOffline(): void {
    connection?.goOffline();
  }

  function goOnline(): void {
    connection?.goOnline();
  }

  /** Sends a chat line; false when there is nothing to send or it goes too fast (said in a notice). */
  function sendChat(text: string): boolean {
    if (!chat) return false;
    // Nobody hears a member still at the door (the room channel carries nothing from them).
    if (workbench.get().collab.selfRole === 'knocking') {
      notify('You can chat once the owner lets you in.', 'info');
      return false;
    }
    const result = chat.send(text);
    if (!result.ok) {
      if (result.reason === 'too-fast') notify('You are sending chat messages too fast: wait a few seconds, then send again.', 'warning');
      return false;
    }
    result.sent.catch((error: unknown) => notify(`Your chat message was not sent: ${error instanceof Error ? error.message : String(error)}`));
    return true;
  }

  function setChatTyping(typing: boolean): void {
    setLocalField(documents.awareness, 'chatTyping', typing);
  }

  /** Shows a changed name or colour to the room at once (the caller saves it in settings). */
  function rename(name: string, color = savedIdentity()?.color): void {
    const role = workbench.get().collab.room?.role;
    if (role) setLocalUser(documents.awareness, name, role, color);
  }

  /** The owner's and admins' actions on the open room (the Collaboration view's member list). */
  function roomAdmin(): RoomConnection['admin'] | null {
    return connection?.admin ?? null;
  }

  /** The room's app-message channel (RoomChannel) for features built on it; null outside a room. */
  function roomChannel(): RoomConnection['channel'] | null {
    return connection?.channel ?? null;
  }

  /** For tests and the benchmark: how many messages the transport sent. */
  function transportStats(): RoomConnection['stats'] | null {
    return connection?.stats ?? null;
  }

  return {
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
  };
}
