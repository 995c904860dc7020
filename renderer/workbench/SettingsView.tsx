import { useWorkbench } from '../state/store';
import { updateSettings } from './actions';

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
      <label>
        Editor font size
        <input
          type="number"
          min={8}
          max={40}
          value={settings.fontSize}
          onChange={(e) => Number(e.target.value) >= 8 && Number(e.target.value) <= 40 && void updateSettings({ fontSize: Number(e.target.value) })}
        />
      </label>
      <label>
        Terminal font size
        <input
          type="number"
          min={8}
          max={40}
          value={settings.terminalFontSize}
          onChange={(e) =>
            Number(e.target.value) >= 8 && Number(e.target.value) <= 40 && void updateSettings({ terminalFontSize: Number(e.target.value) })
          }
        />
      </label>
      <label>
        Shell (empty for your login shell)
        <input defaultValue={settings.shell} onBlur={(e) => void updateSettings({ shell: e.target.value.trim() })} spellCheck={false} />
      </label>
    </section>
  );
}
