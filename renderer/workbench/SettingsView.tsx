import { showLogs } from './LogsDialog';
import { useEffect, useState } from 'react';
import type { Settings } from '../../common/types';
import { useWorkbench } from '../state/store';
import { updateSettings } from './actions';

type NumericSetting = { [K in keyof Settings]: Settings[K] extends number ? K : never }[keyof Settings];

/**
 * A whole-number setting, saved as soon as it holds an allowed value. The field keeps what is
 * typed, so a value can pass through invalid ones on the way ("3" on the way to "300").
 */
function NumberSetting(props: { name: NumericSetting; label: string; min: number; max: number; disabled?: boolean; describedBy?: string }) {
  const { name, label, min, max } = props;
  const value = useWorkbench((s) => s.settings[name]);
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const next = Number(text);
  const valid = Number.isInteger(next) && next >= min && next <= max;
  return (
    <label>
      {label}
      <input
        type="number"
        min={min}
        max={max}
        value={text}
        disabled={props.disabled}
        aria-invalid={!valid}
        aria-describedby={props.describedBy}
        onChange={(e) => {
          setText(e.target.value);
          const typed = Number(e.target.value);
          if (e.target.value !== '' && Number.isInteger(typed) && typed >= min && typed <= max) void updateSettings({ [name]: typed });
        }}
        onBlur={() => setText(String(value))}
      />
      {!valid && <span className="input-problem" role="alert">{`A whole number from ${min} to ${max}.`}</span>}
    </label>
  );
}

type BooleanSetting = { [K in keyof Settings]: Settings[K] extends boolean ? K : never }[keyof Settings];

function CheckSetting({ name, label, describedBy }: { name: BooleanSetting; label: string; describedBy?: string }) {
  const checked = useWorkbench((s) => s.settings[name]);
  return (
    <label className="checkbox">
      <input type="checkbox" checked={checked} aria-describedby={describedBy} onChange={(e) => void updateSettings({ [name]: e.target.checked })} />
      {label}
    </label>
  );
}

/** The settings of rooms this user hosts (issue 8): what members may write here, run here, and who can reach the room. */
function RoomSettings() {
  const guestRuns = useWorkbench((s) => s.settings.guestRunsAllowed);
  return (
    <>
      <h3 className="settings-group">Rooms you host</h3>
      <p className="settings-note" id="room-caps-why">
        Members can add files to your folder only up to these limits per room (files they make, and bytes they write). Changes apply to the next room you share.
      </p>
      <NumberSetting name="roomMaxFiles" label="Most files members may add per room" min={1} max={100_000} describedBy="room-caps-why" />
      <NumberSetting name="roomMaxMegabytes" label="Most megabytes members may write per room" min={1} max={10_240} describedBy="room-caps-why" />
      <p className="settings-note" id="guest-runs-why">
        When a member presses Run, your machine runs the room&apos;s text of the file in a Docker sandbox (never unsandboxed) and everyone sees the output. Viewers cannot ask.
      </p>
      <CheckSetting name="guestRunsAllowed" label="Guests may run code" describedBy="guest-runs-why" />
      <NumberSetting name="guestRunsPerMinute" label="Runs per member per minute" min={1} max={120} disabled={!guestRuns} describedBy="guest-runs-why" />
      <NumberSetting name="guestRunsInFlight" label="Runs per member at once" min={1} max={8} disabled={!guestRuns} describedBy="guest-runs-why" />
      <p className="settings-note" id="room-lan-why">
        Sharing asks whether people on your network may reach the room; this is the answer offered first. Either way, only people with the invite and its token get in.
      </p>
      <CheckSetting name="roomSignalLan" label="Offer my network (LAN) first when sharing" describedBy="room-lan-why" />
    </>
  );
}

export function SettingsView() {
  const settings = useWorkbench((s) => s.settings);
  return (
    <section className="settings" aria-label="Settings">
      <div className="side-header">
        <span className="side-title">Settings</span>
      </div>
      <label>
        Theme
        <select aria-label="Theme" value={settings.theme} onChange={(e) => void updateSettings({ theme: e.target.value as Settings['theme'] })}>
          <option value="dark">Dark</option>
          <option value="light">Light</option>
        </select>
      </label>
      <NumberSetting name="fontSize" label="Editor font size" min={8} max={40} />
      <h3 className="settings-group">Editor</h3>
      <NumberSetting name="tabSize" label="Tab size" min={1} max={16} />
      <CheckSetting name="insertSpaces" label="Insert spaces" />
      <label>
        Word wrap
        <select aria-label="Word wrap" value={settings.wordWrap} onChange={(e) => void updateSettings({ wordWrap: e.target.value as Settings['wordWrap'] })}>
          <option value="off">Off</option>
          <option value="on">On</option>
        </select>
      </label>
      <label>
        Auto save
        <select aria-label="Auto save" value={settings.autoSave} onChange={(e) => void updateSettings({ autoSave: e.target.value as Settings['autoSave'] })}>
          <option value="off">Off</option>
          <option value="afterDelay">After a delay</option>
          <option value="onFocusChange">When the editor loses focus</option>
        </select>
      </label>
      <NumberSetting name="autoSaveDelayMs" label="Auto save delay (ms)" min={100} max={60_000} disabled={settings.autoSave !== 'afterDelay'} />
      <h3 className="settings-group">Terminal and runs</h3>
      <NumberSetting name="terminalFontSize" label="Terminal font size" min={8} max={40} />
      <label>
        Terminal GPU acceleration
        <select
          aria-label="Terminal GPU acceleration"
          value={settings.terminalGpuAcceleration}
          onChange={(e) => void updateSettings({ terminalGpuAcceleration: e.target.value as Settings['terminalGpuAcceleration'] })}
        >
          <option value="auto">Auto (WebGL, the DOM renderer if WebGL fails)</option>
          <option value="on">On (WebGL)</option>
          <option value="off">Off (the DOM renderer)</option>
        </select>
      </label>
      <label>
        Shell (empty for your login shell)
        <input defaultValue={settings.shell} onBlur={(e) => void updateSettings({ shell: e.target.value.trim() })} spellCheck={false} />
      </label>
      <CheckSetting name="allowUnsandboxed" label="Allow unsandboxed runs when Docker is missing (solo only: the program runs with your own rights)" />
      <CheckSetting name="checkForUpdates" label="Check for updates (desktop app only; asks before downloading anything)" />
      <RoomSettings />
      <h3 className="settings-group">Troubleshooting</h3>
      <button onClick={() => showLogs()}>Show Logs</button>
    </section>
  );
}
