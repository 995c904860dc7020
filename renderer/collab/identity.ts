import { useSyncExternalStore } from 'react';
import { workbench } from '../state/store';
import { updateSettings } from '../workbench/actions';
import { cleanName, savedName } from './presence';

// Who this person is in a room (issue 11): a display name and a colour, kept in settings. Nobody
// enters a room as "Guest 98": the first share or join asks (NamePrompt.tsx), and the
// Collaboration view changes them later.

export interface Identity {
  name: string;
  /** #rrggbb, or '' for the colour picked from the client id. */
  color: string;
}

/** The saved identity, or null when the user has not told us a name yet. */
export function savedIdentity(): Identity | null {
  const settings = workbench.get().settings;
  // Names saved before settings held them lived in localStorage.
  const name = cleanName(settings.displayName ?? '') || savedName();
  return name ? { name, color: settings.userColor ?? '' } : null;
}

export async function saveIdentity(identity: Partial<Identity>): Promise<void> {
  const patch: { displayName?: string; userColor?: string } = {};
  if (identity.name !== undefined) patch.displayName = cleanName(identity.name);
  if (identity.color !== undefined) patch.userColor = identity.color;
  // At once in this window, so a share or join right after a rename does not ask again.
  workbench.set((s) => ({ settings: { ...s.settings, ...patch } }));
  await updateSettings(patch);
}

// The open prompt, if any: a tiny external store so the dialog can live wherever the app mounts it.
interface PromptRequest {
  purpose: 'share' | 'join';
  resolve: (identity: Identity | null) => void;
}
let request: PromptRequest | null = null;
const listeners = new Set<() => void>();
function setRequest(next: PromptRequest | null): void {
  request = next;
  for (const listener of listeners) listener();
}

export function useNamePrompt(): PromptRequest | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => request,
  );
}

/** Answers the open prompt: saves the identity (null = cancelled, nothing saved). */
export async function answerNamePrompt(identity: Identity | null): Promise<void> {
  const open = request;
  if (!open) return;
  setRequest(null);
  if (identity) await saveIdentity(identity);
  open.resolve(identity && { name: cleanName(identity.name), color: identity.color });
}

/** The saved identity, or the one the user gives in the prompt; null when they cancel. */
export function ensureIdentity(purpose: 'share' | 'join'): Promise<Identity | null> {
  const saved = savedIdentity();
  if (saved) return Promise.resolve(saved);
  request?.resolve(null);
  return new Promise((resolve) => setRequest({ purpose, resolve }));
}
