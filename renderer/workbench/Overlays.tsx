import { useEffect, useRef } from 'react';
import { useWorkbench, workbench } from '../state/store';
import { dismissToast } from './actions';

export function ConfirmDialog() {
  const request = useWorkbench((s) => s.confirm);
  const primaryButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (request) primaryButton.current?.focus();
  }, [request]);
  if (!request) return null;
  const answer = (choice: string) => {
    workbench.set({ confirm: null });
    request.resolve(choice);
  };
  return (
    <div className="overlay" onKeyDown={(e) => e.key === 'Escape' && answer('cancel')}>
      <div className="dialog" role="alertdialog" aria-modal aria-labelledby="confirm-title" aria-describedby="confirm-message">
        <h2 id="confirm-title">{request.title}</h2>
        <p id="confirm-message">{request.message}</p>
        <div className="dialog-actions">
          {request.choices.map((choice) => (
            <button
              key={choice.id}
              ref={choice.primary ? primaryButton : undefined}
              className={[choice.primary ? 'primary' : '', choice.danger ? 'danger' : ''].join(' ').trim()}
              onClick={() => answer(choice.id)}
            >
              {choice.label}
            </button>
          ))}
          <button onClick={() => answer('cancel')}>Cancel</button>
        </div>
      </div>
    </div>
  );
}

export function Toasts() {
  const toasts = useWorkbench((s) => s.toasts);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast ${t.level}`} role={t.level === 'error' ? 'alert' : 'status'}>
          <span>{t.message}</span>
          {t.action && (
            <button
              onClick={() => {
                dismissToast(t.id);
                t.action!.run();
              }}
            >
              {t.action.label}
            </button>
          )}
          <button className="icon" aria-label="Dismiss" onClick={() => dismissToast(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
