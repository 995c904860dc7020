import { api } from '../host';
import { useWorkbench, workbench } from '../state/store';
import { attempt } from '../workbench/actions';

// The host's "Guests may run code" switch (issue 8 item 6), shown in the Run panel while this
// window hosts a room, so it is at hand where runs are seen; the same setting is in Settings.

async function setGuestRuns(allowed: boolean): Promise<void> {
  // Shown at once (the box is controlled by the store); put back if main refuses to save it.
  workbench.set((s) => ({ settings: { ...s.settings, guestRunsAllowed: allowed } }));
  const saved = await attempt('Cannot save settings', () => api.settings.update({ guestRunsAllowed: allowed }));
  workbench.set((s) => ({ settings: saved ?? { ...s.settings, guestRunsAllowed: !allowed } }));
}

export function GuestRunSwitch() {
  const hosting = useWorkbench((s) => s.collab.room?.role === 'owner');
  const allowed = useWorkbench((s) => s.settings.guestRunsAllowed);
  if (!hosting) return null;
  return (
    <label className="checkbox guest-run-switch" title="Members' runs use this machine's sandbox, never unsandboxed">
      <input type="checkbox" checked={allowed} onChange={(e) => void setGuestRuns(e.target.checked)} />
      Guests may run code
    </label>
  );
}
