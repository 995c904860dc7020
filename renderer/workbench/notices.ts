import { HostError } from '../../common/errors';
import type { RendererLogger } from '../log';
import type { ConfirmChoice, Toast, WorkbenchStore } from '../state/store';

// Notices and questions: how every controller tells the user what happened. Created over a store
// (the window's, or a test's own) and a logger, so controllers can take it as a dependency.

export interface Notices {
  /**
   * Shows a notice. With a `key` (its cause), a notice already shown for that cause is replaced
   * rather than piled up, and `clearNotice(key)` takes it away once the cause is gone.
   */
  notify(message: string, level?: Toast['level'], action?: Toast['action'], key?: string): void;
  dismissToast(id: string): void;
  /** The cause of a keyed notice no longer holds: its notice goes. */
  clearNotice(key: string): void;
  /**
   * Runs a user action and turns a failure into a message that says what happened. The notice is
   * keyed by `what`: trying again replaces it, and a later success of the same action removes it.
   */
  attempt<T>(what: string, action: () => Promise<T>): Promise<T | undefined>;
  /** Asks a question with the given choices plus Cancel; resolves with the chosen id or 'cancel'. */
  ask(title: string, message: string, choices: ConfirmChoice[]): Promise<string>;
  confirm(title: string, message: string, confirmLabel: string): Promise<boolean>;
}

/** How long an info notice stays before it goes by itself. */
const INFO_NOTICE_MS = 4000;
/** Notices kept on screen at once; older ones go first. */
const MAX_SHOWN_NOTICES = 5;

export function createNotices(store: WorkbenchStore, log: Pick<RendererLogger, 'error'>): Notices {
  let toastSeq = 0;
  const notices: Notices = {
    notify(message, level = 'error', action, key) {
      const toast: Toast = { id: `toast-${++toastSeq}`, level, message, action, key };
      store.set((s) => ({ toasts: [...s.toasts.filter((t) => key === undefined || t.key !== key).slice(-(MAX_SHOWN_NOTICES - 1)), toast] }));
      if (level === 'info') setTimeout(() => notices.dismissToast(toast.id), INFO_NOTICE_MS);
    },
    dismissToast(id) {
      store.set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
    },
    clearNotice(key) {
      if (store.get().toasts.some((t) => t.key === key)) store.set((s) => ({ toasts: s.toasts.filter((t) => t.key !== key) }));
    },
    async attempt(what, action) {
      try {
        const result = await action();
        notices.clearNotice(what);
        return result;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // A host's refusal is already in the log (main logs every failed request); a failure of
        // the page's own is not, so it is sent.
        if (error instanceof HostError) console.warn(`${what}:`, error);
        else log.error(what, error);
        notices.notify(message.startsWith(what) ? message : `${what}: ${message}`, 'error', undefined, what);
        return undefined;
      }
    },
    ask(title, message, choices) {
      return new Promise((resolve) => store.set({ confirm: { title, message, choices, resolve } }));
    },
    async confirm(title, message, confirmLabel) {
      return (await notices.ask(title, message, [{ id: 'confirm', label: confirmLabel, primary: true, danger: true }])) === 'confirm';
    },
  };
  return notices;
}
