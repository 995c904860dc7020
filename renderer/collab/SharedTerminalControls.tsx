import { useEffect, useState } from 'react';
import type { TerminalInfo } from '../../common/types';
import { useWorkbench } from '../state/store';
import { notify } from '../workbench/actions';
import { Icon } from '../workbench/icons';
import type { HostedTerminals } from './room-terminals';
import { WRITE_ELIGIBLE_ROLES, type SharedTerminalList } from './shared-terminal-wire';

// The host's controls for shared terminals (issue 10 item 4), in the terminal panel's header while
// it hosts a room: Share terminal / Stop sharing terminal for the active terminal, and a popover with a
// write toggle per shared terminal for each member who may be given one (editors and above).
// Which terminal is shared under which id lives in HostedTerminals, not here: the header unmounts
// whenever the panel shows Run, and the shares carry on.

export function SharedTerminalControls({ hosted }: { hosted: HostedTerminals }) {
  const { sharing, channel } = hosted;
  const terminals = useWorkbench((s) => s.terminals);
  const active = useWorkbench((s) => s.activeTerminal);
  // The channel's member list has no event of its own; the room's members in the store change with it.
  useWorkbench((s) => s.collab.members);
  const [shares, setShares] = useState<SharedTerminalList>(sharing.list());
  const [open, setOpen] = useState(false);
  const [dropped, setDropped] = useState(0);
  useEffect(() => {
    setShares(sharing.list());
    return sharing.onDidChange(setShares);
  }, [sharing]);
  useEffect(() => sharing.onDidDrop(() => setDropped((n) => n + 1)), [sharing]);

  const activeInfo: TerminalInfo | undefined = terminals.find((t) => t.id === active);
  const activeSid = activeInfo ? hosted.sidOf(activeInfo.id) : undefined;
  const members = channel.members().filter((m) => WRITE_ELIGIBLE_ROLES.has(m.role));
  const setWrite = (sid: string, key: string, on: boolean) => {
    try {
      if (on) sharing.grantWrite(sid, key);
      else sharing.revokeWrite(sid, key);
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), 'warning');
    }
  };

  return (
    <>
      {activeInfo && !activeSid && (
        <button className="icon" title="Members see this terminal, read-only until you allow them to type" onClick={() => hosted.share(activeInfo)}>
          Share terminal
        </button>
      )}
      {activeInfo && activeSid && (
        <button className="icon" title="Members' tab for this terminal closes" onClick={() => hosted.stop(activeInfo.id)}>
          Stop sharing terminal
        </button>
      )}
      {shares.length > 0 && (
        <button className="icon" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          Who may type
        </button>
      )}
      {open && shares.length > 0 && (
        <section role="dialog" aria-label="Shared terminals" className="room-container-dialog shared-terminal-controls" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          <header>
            <strong>Shared terminals</strong>
            <button className="icon" aria-label="Close shared terminals" onClick={() => setOpen(false)}>
              <Icon name="close" size={12} />
            </button>
          </header>
          {shares.map((share) => (
            <fieldset key={share.sid}>
              <legend>{share.title} (shared, read-only unless allowed)</legend>
              {members.length === 0 && <p>No editor is in the room: viewers can watch but never type.</p>}
              {members.map((member) => (
                <label key={member.key}>
                  <input type="checkbox" checked={share.writers.includes(member.key)} onChange={(e) => setWrite(share.sid, member.key, e.target.checked)} /> Allow{' '}
                  {member.name || member.fingerprint} to type in {share.title}
                </label>
              ))}
            </fieldset>
          ))}
          {dropped > 0 && <p role="status">{dropped} keystroke message(s) from members without write access were dropped.</p>}
        </section>
      )}
    </>
  );
}
