import { useSyncExternalStore } from 'react';
import type { Settings } from '../../common/types';
import type { WorkbenchStore } from '../state/store';
import { cleanName, savedName } from './presence';

// Who this person is in a room (issue 11): a display name and a colour, kept in settings. Nobody
// enters a room as "Guest 98": the first share or join asks (NamePrompt.tsx), and the
// Collaboration view changes them later.

export interface Identity {
  name: string;
  /** #rrggbb, or '' for the colour picked from the client id. */
  color: string;
}

/** The open prompt, if any: the dialog lives wherever the app mounts it. */
export interface PromptRequest {
  purpose: 'share' | 'join';
  resolve: (identity: Identity | null) => void;
}

export interface IdentityDeps {
  store: WorkbenchStore;
  /** Saves settings (the workbench's updateSettings). */
  updateSettings: (patch: { displayName?: string; userColor?: string }) => Promise<void>;
}

export interface RoomIdentity {
  /** The saved identity, or null when the user has not told us a name yet. */
  savedIdentity(): Identity | null;
  saveIdentity(identity: Partial<Identity>): Promise<void>;
  /** The open prompt, or null. */
  prompt(): PromptRequest | null;
  /** React: the open prompt, or null; re-renders when it opens or closes. */
  useNamePrompt(): PromptRequest | null;
  /** Answers the open prompt: saves the identity (null = cancelled, nothing saved). */
  answerNamePrompt(identity: Identity | null): Promise<void>;
  /** The saved identity, or the one the user gives in the prompt; null when they cancel. */
  ensureIdentity(purpose: 'share' | 'join'): Promise<Identity | null>;
}

export function createIdentity({ store, updateSettings }: IdentityDeps): RoomIdentity {
  let request: PromptRequest | null = null;
  const listeners = new Set<() => void>();
  const setRequest = (next: PromptRequest | null): void => {
    request = next;
    for (const listener of listeners) listener();
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };
  const snapshot = () => request;

  function savedIdentity(): Identity | null {
    const settings = store.get().settings;
    // Names saved before settings held them lived in localStorage.
    const name = cleanName(settings.displayName ?? '') || savedName();
    return name ? { name, color: settings.userColor ?? '' } : null;
  }

  async function saveIdentity(identity: Partial<Identity>): Promise<void> {
    const patch: Pick<Partial<Settings>, 'displayName' | 'userColor'> = {};
    if (identity.name !== undefined) patch.displayName = cleanName(identity.name);
    if (identity.color !== undefined) patch.userColor = identity.color;
    // At once in this window, so a share or join right after a rename does not ask again.
    store.set((s) => ({ settings: { ...s.settings, ...patch } }));
    await updateSettings(patch);
  }

  return {
    savedIdentity,
    saveIdentity,
    prompt: snapshot,
    useNamePrompt: () => useSyncExternalStore(subscribe, snapshot),
    async answerNamePrompt(identity) {
      const open = request;
      if (!open) return;
      setRequest(null);
      if (identity) await saveIdentity(identity);
      open.resolve(identity && { name: cleanName(identity.name), color: identity.color });
    },
    ensureIdentity(purpose) {
      const saved = savedIdentity();
      if (saved) return Promise.resolve(saved);
      request?.resolve(null);
      return new Promise((resolve) => setRequest({ purpose, resolve }));
    },
  };
}
