import { useWorkbench } from '../state/store';
import { updateSettings } from '../workbench/actions';

// The host's "Guests may run code" switch (issue 8 item 6), shown in the Run panel while this
// window hosts a room, so it is at hand where runs are seen; the same setting is in Settings.

export function GuestRunSwitch() {
  const hosting = useWorkbench((s) => s.collab.room?.role === 'owner');
  const allowed = useWorkbench((s) => s.settings.guestRunsAllowed);
  if (!hosting) return null;
  return (
    <label className="checkbox guest-run-switch" title="Members' runs use this machine's sandbox, never unsandboxed">
      <input type="checkbox" checked={allowed} onChange={(e) => void updateSettings({ guestRunsAllowed: e.target.checked })} />
      Guests may run code
    </label>
  );
}
