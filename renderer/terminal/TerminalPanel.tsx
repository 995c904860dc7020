import { useEffect, useState } from 'react';
import type { TerminalInfo, TerminalProfile } from '../../common/types';
import { api } from '../host';
import { sharedTabId, useRoomTerminals, type JoinedTerminals } from '../collab/room-terminals';
import { SharedTerminalControls } from '../collab/SharedTerminalControls';
import { SharedTerminalTab } from '../collab/SharedTerminalTab';
import type { SharedTerminalList } from '../collab/shared-terminal-wire';
import { useWorkbench, workbench } from '../state/store';
import { newTerminal } from '../workbench/actions';
import { Icon } from '../workbench/icons';
import { closeTerminal, newTerminalWithProfile, openRoomContainerTerminal, renameTerminal, splitTerminal } from './terminal-actions';
import { RoomContainerDialog } from './RoomContainerDialog';
import { TerminalView } from './TerminalView';

function TerminalTab({ info, index, active }: { info: TerminalInfo; index: number; active: boolean }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(info.title);
  if (editing) {
    const done = (save: boolean) => {
      setEditing(false);
      if (save && name.trim() && name.trim() !== info.title) void renameTerminal(info.id, name.trim());
    };
    return (
      <div className="panel-tab active">
        <input
          aria-label="Terminal name"
          autoFocus
          value={name}
          maxLength={64}
          onChange={(e) => setName(e.target.value)}
          onBlur={() => done(true)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') done(true);
            if (e.key === 'Escape') done(false);
          }}
        />
      </div>
    );
  }
  return (
    <div className={`panel-tab ${active ? 'active' : ''}`}>
      <button
        role="tab"
        aria-selected={active}
        onClick={() => workbench.set((s) => ({ activeTerminal: info.id, terminalSplit: s.terminalSplit === info.id ? null : s.terminalSplit }))}
        onDoubleClick={() => (setName(info.title), setEditing(true))}
        onKeyDown={(e) => e.key === 'F2' && (setName(info.title), setEditing(true))}
        title={`${info.shell} in ${info.cwd} (double-click or F2 to rename)`}
      >
        {index + 1}: {info.title}
      </button>
      <button className="icon" aria-label={`Rename terminal ${index + 1}`} title="Rename" onClick={() => (setName(info.title), setEditing(true))}>
        <Icon name="rename" size={12} />
      </button>
      <button className="icon" aria-label={`Kill terminal ${index + 1}`} title="Kill" onClick={() => void closeTerminal(info.id, true)}>
        <Icon name="close" size={12} />
      </button>
    </div>
  );
}

/** The host's shared terminals in a member's panel: what the host shares now, nothing else. */
function useSharedTerminals(joined: JoinedTerminals | null): SharedTerminalList {
  const [list, setList] = useState<SharedTerminalList>(joined?.guest.list() ?? []);
  useEffect(() => {
    setList(joined?.guest.list() ?? []);
    return joined?.guest.onDidChange(setList);
  }, [joined]);
  return list;
}

function useJoinedTerminals(): JoinedTerminals | null {
  const room = useRoomTerminals();
  return room?.role === 'guest' ? room : null;
}

function SharedTab({ title, sid, active }: { title: string; sid: string; active: boolean }) {
  return (
    <div className={`panel-tab ${active ? 'active' : ''}`}>
      <button role="tab" aria-selected={active} title="A terminal the room's host shares" onClick={() => workbench.set({ activeTerminal: sharedTabId(sid) })}>
        Shared: {title}
      </button>
    </div>
  );
}

/** The profile list's entry for a shell in the room container (not a path, so never a shell profile). */
const ROOM_CONTAINER_PROFILE = 'room-container';

/** The terminal tabs and their actions, for the panel header. */
export function TerminalTabs() {
  const terminals = useWorkbench((s) => s.terminals);
  const active = useWorkbench((s) => s.activeTerminal);
  const split = useWorkbench((s) => s.terminalSplit);
  const [profiles, setProfiles] = useState<TerminalProfile[]>([]);
  const [containerOpen, setContainerOpen] = useState(false);
  const room = useRoomTerminals();
  const shared = useSharedTerminals(useJoinedTerminals());
  useEffect(() => {
    api.terminal.profiles().then(setProfiles, (e: unknown) => console.error('terminal: cannot list profiles', e));
  }, []);
  return (
    <>
      <div role="tablist" aria-label="Terminals" className="panel-tabs">
        {terminals.map((t, i) => (
          <TerminalTab key={t.id} info={t} index={i} active={t.id === active || t.id === split} />
        ))}
        {shared.map((t) => (
          <SharedTab key={t.sid} sid={t.sid} title={t.title} active={active === sharedTabId(t.sid)} />
        ))}
      </div>
      {room?.role === 'owner' && <SharedTerminalControls hosted={room} />}
      <button className="icon" aria-label="New terminal" title="New Terminal (Ctrl+Shift+`)" onClick={() => void newTerminal()}>
        <Icon name="plus" />
      </button>
      <select
        aria-label="New terminal with profile"
        className="terminal-profiles"
        value=""
        onChange={(e) => {
          if (e.target.value === ROOM_CONTAINER_PROFILE) void openRoomContainerTerminal();
          else if (e.target.value) void newTerminalWithProfile(e.target.value);
        }}
      >
        <option value="">Profile…</option>
        {profiles.map((p) => (
          <option key={p.shell} value={p.shell}>
            {p.name} ({p.shell})
          </option>
        ))}
        <option value={ROOM_CONTAINER_PROFILE}>Room container</option>
      </select>
      <button className="icon" aria-label="Room container options" aria-expanded={containerOpen} title="Room container" onClick={() => setContainerOpen((o) => !o)}>
        Container
      </button>
      {containerOpen && <RoomContainerDialog onClose={() => setContainerOpen(false)} />}
      <button className="icon" aria-label="Split terminal" title="Split Terminal" disabled={!active} onClick={() => void splitTerminal()}>
        Split
      </button>
    </>
  );
}

/** Every terminal stays mounted while its tab or the panel view is hidden: xterm keeps its screen. */
export function TerminalViews({ visible }: { visible: boolean }) {
  const terminals = useWorkbench((s) => s.terminals);
  const active = useWorkbench((s) => s.activeTerminal);
  const split = useWorkbench((s) => s.terminalSplit);
  const joined = useJoinedTerminals();
  const shared = useSharedTerminals(joined);
  return (
    <div className={`panel-body terminal-panes ${split ? 'split' : ''}`} hidden={!visible}>
      {terminals.length === 0 && shared.length === 0 && (
        <div className="empty">
          No terminal is open. <button onClick={() => void newTerminal()}>Open a terminal</button>
        </div>
      )}
      {terminals.map((t) => (
        <TerminalView key={t.id} info={t} active={visible && t.id === active} visible={visible && (t.id === active || t.id === split)} />
      ))}
      {joined &&
        shared.map((t) => <SharedTerminalTab key={t.sid} guest={joined.guest} sid={t.sid} title={t.title} visible={visible && active === sharedTabId(t.sid)} />)}
    </div>
  );
}
