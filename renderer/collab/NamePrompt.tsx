import { useEffect, useRef, useState } from 'react';
import { answerNamePrompt, useNamePrompt } from './session';
import { cleanName, PEER_COLOR_NAMES, PEER_COLORS } from './presence';

// The dialog that asks for a display name and a colour on the first share or join (issue 11).

export function ColorPicker({ value, onChange, label }: { value: string; onChange: (color: string) => void; label: string }) {
  return (
    <fieldset className="color-picker">
      <legend>{label}</legend>
      {PEER_COLORS.map((color) => (
        <label key={color} className="color-swatch" title={PEER_COLOR_NAMES[color]}>
          <input type="radio" name={label} value={color} checked={value === color} onChange={() => onChange(color)} aria-label={PEER_COLOR_NAMES[color]} />
          <span style={{ background: color }} aria-hidden />
        </label>
      ))}
    </fieldset>
  );
}

export function NamePrompt() {
  const request = useNamePrompt();
  const [name, setName] = useState('');
  const [color, setColor] = useState<string>(PEER_COLORS[0]);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!request) return;
    setName('');
    setColor(PEER_COLORS[Math.floor(Math.random() * PEER_COLORS.length)]!);
    field.current?.focus();
  }, [request]);
  if (!request) return null;
  const clean = cleanName(name);
  return (
    <div className="overlay" onKeyDown={(e) => e.key === 'Escape' && void answerNamePrompt(null)}>
      <form
        className="dialog name-prompt"
        role="dialog"
        aria-modal
        aria-labelledby="name-prompt-title"
        aria-describedby="name-prompt-why"
        onSubmit={(e) => {
          e.preventDefault();
          if (clean) void answerNamePrompt({ name: clean, color });
        }}
      >
        <h2 id="name-prompt-title">What should others call you?</h2>
        <p id="name-prompt-why">
          {request.purpose === 'share' ? 'People who join your room' : 'Everyone in the room'} will see this name next to your cursor, in the People list
          and in chat. You can change it later in the Collaboration view.
        </p>
        <label className="name-prompt-field">
          Display name
          <input ref={field} value={name} maxLength={40} autoComplete="nickname" onChange={(e) => setName(e.target.value)} spellCheck={false} />
        </label>
        <ColorPicker label="Your colour" value={color} onChange={setColor} />
        <div className="dialog-actions">
          <button type="button" onClick={() => void answerNamePrompt(null)}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!clean}>
            {request.purpose === 'share' ? 'Share' : 'Join'}
          </button>
        </div>
      </form>
    </div>
  );
}
