import type { Settings } from '../../common/types';
import { useWorkbench } from '../state/store';
import { updateSettings } from './actions';

type NumericSetting = { [K in keyof Settings]: Settings[K] extends number ? K : never }[keyof Settings];

/** A whole-number setting, saved as soon as it holds an allowed value. */
function NumberSetting({ name, label, min, max }: { name: NumericSetting; label: string; min: number; max: number }) {
  const value = useWorkbench((s) => s.settings[name]);
  return (
    <label>
      {label}
      <input
        type="number"
        min={min}
        max={max}
        value={value}
        onChange={(e) => {
          const next = Number(e.target.value);
          if (Number.isInteger(next) && next >= min && next <= max) void updateSettings({ [name]: next });
        }}
      />
    </label>
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
        <select value={settings.theme} onChange={(e) => void updateSettings({ theme: e.target.value as 'dark' | 'light' })}>
          <option value="dark">Dark</option>
          <option value="light">Light</option>
        </select>
      </label>
      <NumberSetting name="fontSize" label="Editor font size" min={8} max={40} />
      <NumberSetting name="terminalFontSize" label="Terminal font size" min={8} max={40} />
      <label>
        Shell (empty for your login shell)
        <input defaultValue={settings.shell} onBlur={(e) => void updateSettings({ shell: e.target.value.trim() })} spellCheck={false} />
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={settings.allowUnsandboxed}
          onChange={(e) => void updateSettings({ allowUnsandboxed: e.target.checked })}
        />
        Allow unsandboxed runs when Docker is missing (solo only: the program runs with your own rights)
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={settings.checkForUpdates}
          onChange={(e) => void updateSettings({ checkForUpdates: e.target.checked })}
        />
        Check for updates (desktop app only; asks before downloading anything)
      </label>
    </section>
  );
}
