import type { AdmissionPolicy } from './provider/room-provider';

// Who gets into a room this window shares (issue 8, item 5): "knock" (the default: the owner
// admits each person) or anyone with the invite, as a viewer or an editor. Kept in this window's
// local storage: it is a choice made before sharing, like the ICE servers.

const KEY = 'codecrafter.collab.admission';
export const ADMISSION_POLICIES: ReadonlyArray<{ value: AdmissionPolicy; label: string }> = [
  { value: 'knock', label: 'Ask me (people knock)' },
  { value: 'viewer', label: 'Anyone with the invite, as viewer' },
  { value: 'editor', label: 'Anyone with the invite, as editor' },
];

export function savedAdmissionPolicy(): AdmissionPolicy {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'viewer' || value === 'editor' ? value : 'knock';
  } catch {
    return 'knock';
  }
}

export function saveAdmissionPolicy(policy: AdmissionPolicy): void {
  try {
    localStorage.setItem(KEY, policy);
  } catch (error) {
    console.warn('Cannot keep the admission choice in local storage', error);
  }
}
