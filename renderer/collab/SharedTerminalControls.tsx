import { useEffect, useState } from 'react';
import type { TerminalInfo } from '../../common/types';
import { useWorkbench } from '../state/store';
import type { RoomChannel } from './room-channel';
import { shareableTerminal } from './shareable-terminal';
import type { SharedTerminalHost } from './shared-terminal-host';
import { WRITE_ELIGIBLE_ROLES, type SharedTerminalList } from './shared-terminal-wire';

// The host's controls for shared terminals (issue 10 item 4): Share terminal / Stop sharing for
// the active terminal, and per shared terminal a write toggle for each member who may be given
// one (editors and above). The lead mounts it with the room's RoomChannel and SharedTerminalHost.

export function SharedTerminalControls({ sharing, channel }: { sharing: SharedTerminalHost; channel: RoomChannel }) {
  const terminals = useWorkbench((s) => s.terminals);
  const active = useWorkbench((s) => s.activeTerminal);
  const [shares, setShares] = useState<SharedTerminalList>(sharing.list());
  const [sidOf, setSidOf] = useState<Record<string, string>>({});
  const [dropped, setDropped] = useState(0);
  useEffect(() => sharing.onDidChange(setShares), [sharing]);
  useEffect(() => sharing.onDidDrop(() => setDropped((n) => n + 1)), [sharing]);

  const activeInfo: TerminalInfo | undefined = terminals.find((t) => t.id === active);
  const activeSid = activeInfo ? sidOf[activeInfo.id] : undefined;
  const members = channel.members().filter((m) => WRITE_ELIGIBLE_ROLES.has(m.role));

  return (
    <section aria-label="Shared terminals" className="shared-terminal-controls">
      {activeInfo && !activeSid && (
        <button onClick={() => setSidOf((m) => ({ ...m, [activeInfo.id]: sharing.share(shareableTerminal(activeInfo)) }))}>Share terminal</button>
      )}
      {activeInfo && activeSid && (
        <button
          onClick={() => {
            sharing.unshare(activeSid);
            setSidOf(({ [activeInfo.id]: _gone, ...rest }) => rest);
          }}
        >
          Stop sharing
        </button>
      )}
      {shares.map((share) => (
        <fieldset key={share.sid}>
          <legend>{share.title} (shared, read-only unless allowed)</legend>
          {members.length === 0 && <p>No editor is in the room: viewers can watch but never type.</p>}
          {members.map((member) => (
            <label key={member.key}>
              <input
                type="checkbox"
                checked={share.writers.includes(member.key)}
                onChange={(e) => (e.target.checked ? sharing.grantWrite(share.sid, member.key) : sharing.revokeWrite(share.sid, member.key))}
              />{' '}
              Allow {member.name || member.fingerprint} to type in {share.title}
            </label>
          ))}
        </fieldset>
      ))}
      {dropped > 0 && <p role="status">{dropped} keystroke message(s) from members without write access were dropped.</p>}
    </section>
  );
}
