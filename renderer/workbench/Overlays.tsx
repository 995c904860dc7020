import { useEffect, useRef } from 'react';
import { useWorkbench, workbench } from '../state/store';
import { dismissToast } from './actions';

export function ConfirmDialog() {
  const request = useWorkbench((s) => s.confirm);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (request) confirmButton.current?.focus();
  }, [request]);
  if (!request) return null;
  const answer = (value: boolean) => {
    workbench.set({ confirm: null });
    request.resolve(value);
  };
  return (
    <div className="overlay" onKeyDown={(e) => e.key === 'Escape' && answer(false)}>
      <div className="dialog" role="alertdialog" aria-modal aria-labelledby="confirm-title" aria-describedby="confirm-message">
        <h2 id="confirm-title">{request.title}</h2>
        <p id="confirm-message">{request.message}</p>
        <div className="dialog-actions">
          <button onClick={() => answer(false)}>Cancel</button>
          <button ref={confirmButton} className="primary danger" onClick={() => answer(true)}>
            {request.confirmLabel}
          </button>
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
