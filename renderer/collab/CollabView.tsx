import { useEffect, useState } from 'react';
import { useWorkbench } from '../state/store';
import { ChatBox } from './ChatBox';
import './probe';
import { loadIceText, parseIceServers, saveIceText } from './ice-servers';
import { saveIdentity, savedIdentity } from './session';
import { ColorPicker } from './NamePrompt';
import { colorFor } from './presence';
import { AdmissionChoice, RoomMembers } from './RoomMembers';
import {
  endRoom,
  follow,
  goOffline,
  goOnline,
  joinRoom,
  leaveRoom,
  markChatRead,
  rename,
  retrySignallingNow,
  saveSharedFiles,
  shareWorkspace,
  stopFollowing,
} from './session';

// The Collaboration side view (issue 4): share or join, the invite, who is here, chat, follow.

function CopyField({ label, value }: { label: string; value: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <label className="collab-invite">
      {label}
      <span className="collab-row">
        <input readOnly value={value} aria-label={label} onFocus={(e) => e.target.select()} spellCheck={false} />
        <button
          onClick={() => {
            void navigator.clipboard?.writeText(value).then(() => setCopied(true), () => setCopied(false));
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
      </span>
    </label>
  );
}

/** The name and colour others see; saved in settings, shown to the room at once. */
function NameField() {
  const role = useWorkbench((s) => s.collab.room?.role);
  const self = useWorkbench((s) => s.collab.participants.find((p) => p.self));
  const savedColor = useWorkbench((s) => s.settings.userColor);
  const [name, setName] = useState(self?.name ?? savedIdentity()?.name ?? '');
  const color = savedColor || self?.color || colorFor(0);
  return (
    <div className="collab-section">
      <label>
        Your name
        <input
          value={name}
          maxLength={40}
          placeholder="How others see you"
          onChange={(e) => setName(e.target.value)}
          onBlur={() => {
            void saveIdentity({ name });
            if (role && name.trim()) rename(name);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
          }}
        />
      </label>
      <ColorPicker
        label="Your colour"
        value={color}
        onChange={(next) => {
          void saveIdentity({ color: next });
          if (role) rename(self?.name ?? name, next);
        }}
      />
    </div>
  );
}

function IceServersField() {
  const [text, setText] = useState(loadIceText());
  const { servers, problems } = parseIceServers(text);
  return (
    <details className="collab-ice">
      <summary>Network (STUN/TURN)</summary>
      <label>
        ICE servers, one per line: <code>stun:host:port</code> or <code>turn:host:port user credential</code>. None is needed on a LAN.
        <textarea
          value={text}
          rows={3}
          spellCheck={false}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => saveIceText(text)}
        />
      </label>
      <div className="notice">{problems.length ? problems.join('; ') : `${servers.length} server(s); used when you next share or join.`}</div>
    </details>
  );
}

function OutOfRoom() {
  const workspace = useWorkbench((s) => s.workspace);
  const busy = useWorkbench((s) => s.collab.busy);
  const [link, setLink] = useState('');
  return (
    <>
      <NameField />
      <div className="collab-section">
        <h3>Share</h3>
        {workspace ? (
          <>
            <p>Turn the open folder into a room: the people you let in edit it with you, live.</p>
            <AdmissionChoice />
            <button className="primary" disabled={busy !== null} onClick={() => void shareWorkspace()}>
              {busy === 'sharing' ? 'Sharing…' : 'Share workspace'}
            </button>
          </>
        ) : (
          <p>Open a folder to share it.</p>
        )}
      </div>
      <form
        className="collab-section"
        onSubmit={(e) => {
          e.preventDefault();
          void joinRoom(link).then((ok) => ok && setLink(''));
        }}
      >
        <h3>Join</h3>
        <label>
          Invite link
          <input value={link} onChange={(e) => setLink(e.target.value)} placeholder="codecrafter://join/…" spellCheck={false} />
        </label>
        <button type="submit" disabled={busy !== null || !link.trim()}>
          {busy === 'joining' ? 'Joining…' : 'Join room'}
        </button>
      </form>
      <IceServersField />
    </>
  );
}

function Participants() {
  const list = useWorkbench((s) => s.collab.participants);
  const members = useWorkbench((s) => s.collab.members);
  // The role shown is the log's, found through the client ids each peer declared in its handshake.
  const roleOf = (clientId: number) => members.find((m) => m.clientIds.includes(clientId))?.role ?? 'unverified';
  const following = useWorkbench((s) => s.collab.following);
  return (
    <ul className="collab-people" aria-label="Participants">
      {list.map((p) => (
        <li key={p.clientId} aria-label={`${p.name}${p.self ? ' (you)' : ''}`} data-client-id={p.clientId}>
          <span className="collab-dot" style={{ background: p.color }} aria-hidden />
          <span className="collab-name" title={p.name}>
            {p.name}
            {p.self ? ' (you)' : ''}
          </span>
          <span className="collab-role">{roleOf(p.clientId)}</span>
          <span className="collab-where" title={p.activeFile ?? undefined}>
            {p.activeFile ?? 'no file open'}
            {p.typing ? ' · typing…' : p.idle ? ' · idle' : ''}
          </span>
          {!p.self &&
            (following === p.clientId ? (
              <button onClick={stopFollowing} aria-label={`Stop following ${p.name}`}>
                Following
              </button>
            ) : (
              <button onClick={() => follow(p.clientId)} aria-label={`Follow ${p.name}`}>
                Follow
              </button>
            ))}
        </li>
      ))}
    </ul>
  );
}

/** The host writes what guests changed, including files the host never opened. */
function SaveShared() {
  const [message, setMessage] = useState('');
  return (
    <div className="collab-row">
      <button onClick={() => void saveSharedFiles().then((n) => setMessage(n === 0 ? 'Everything was saved already.' : `Saved ${n} ${n === 1 ? 'file' : 'files'}.`))}>
        Save all shared files
      </button>
      <span role="status" aria-label="Save result">
        {message}
      </span>
    </div>
  );
}

/** The signalling server cannot be reached: when the next attempt is, and a way to try now (issue 11). */
function SignallingRetry() {
  const connection = useWorkbench((s) => s.collab.connection);
  if (!connection || connection.signalling || connection.retryInMs === null || connection.signallingFailures === 0) return null;
  const seconds = Math.max(1, Math.ceil(connection.retryInMs / 1000));
  return (
    <div className="collab-row collab-signalling" role="status" aria-label="Signalling">
      <span>{`Signalling server unreachable — retrying in ${seconds} s`}</span>
      <button onClick={retrySignallingNow}>Retry now</button>
    </div>
  );
}

function InRoom() {
  const room = useWorkbench((s) => s.collab.room)!;
  const connection = useWorkbench((s) => s.collab.connection);
  const phase = connection?.phase ?? 'connecting';
  const peers = connection?.peers ?? 0;
  const statusText =
    phase === 'ended'
      ? 'The host ended the room. What was shared stays here until you leave.'
      : phase === 'offline'
      ? 'Offline: your edits are kept and merge when you reconnect.'
      : phase === 'online'
        ? peers === 0
          ? room.role === 'owner'
            ? 'Online: waiting for people to join.'
            : 'Online: looking for the room…'
          : `Online: connected to ${peers} ${peers === 1 ? 'peer' : 'peers'}.`
        : 'Connecting to the signalling server…';
  return (
    <>
      <div className="collab-status" role="status" aria-label="Room status" data-phase={phase} data-peers={peers}>
        {statusText}
      </div>
      <SignallingRetry />
      <RoomMembers />
      {room.role === 'owner' && (
        <>
          <CopyField label="Invite link" value={room.invite} />
          <CopyField label="Browser invite link" value={room.webInvite} />
          <p className="notice">
            {room.lanUrl ? `Signalling on your LAN at ${room.lanUrl}.` : 'Signalling on this machine only (no LAN address found).'} The
            secret after # never reaches a server. Only you write to disk: Ctrl+S saves the open file.
          </p>
          <SaveShared />
        </>
      )}
      {room.role === 'guest' && <p className="notice">The host keeps the files; they save them to disk.</p>}
      <NameField />
      <h3>People</h3>
      <Participants />
      <h3>Chat</h3>
      <ChatBox />
      <div className="collab-row">
        {phase === 'offline' ? <button onClick={goOnline}>Reconnect</button> : phase !== 'ended' && <button onClick={goOffline}>Go offline</button>}
        <button className="danger" title={room.role === 'owner' ? 'End the room for everyone' : undefined} onClick={room.role === 'owner' ? () => void endRoom() : leaveRoom}>
          {room.role === 'owner' ? 'Stop sharing' : 'Leave room'}
        </button>
      </div>
    </>
  );
}

export function CollabView() {
  const inRoom = useWorkbench((s) => s.collab.room !== null);
  useEffect(() => markChatRead(), []);
  return (
    <section className="collab" aria-label="Collaboration">
      <div className="side-header">
        <span className="side-title">Collaboration</span>
      </div>
      <div className="collab-body">{inRoom ? <InRoom /> : <OutOfRoom />}</div>
    </section>
  );
}

/** The unread chat count on the activity bar's Collaboration button. */
export function CollabBadge() {
  const unread = useWorkbench((s) => s.collab.chatUnread);
  if (unread === 0) return null;
  return (
    <span className="activity-badge" aria-label={`${unread} unread chat ${unread === 1 ? 'message' : 'messages'}`}>
      {unread}
    </span>
  );
}
