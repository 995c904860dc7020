import type { ReplayPoint } from '../../common/history';
import { replay } from '../app-context';
import { notify, openFolder } from '../workbench/actions';

// The Replay view's and player's actions: the window's replay controller (replay-controller.ts,
// made in app-context.ts) plus what needs the workbench or the page (opening a folder, files).

export const { openPlayer, closePlayer, restoreMoment, exportSession } = replay;

export async function forkMoment(sessionId: string, at: ReplayPoint, folder: string): Promise<boolean> {
  const fork = await replay.forkMoment(sessionId, at, folder);
  if (!fork) return false;
  const opened = await openFolder(fork.folder);
  if (opened) notify(`Forked into ${fork.folder} (${fork.files} files); its history continues from that moment.`, 'info');
  return opened;
}

async function readAsBase64(file: File): Promise<string> {
  const url = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
  return url.slice(url.indexOf(',') + 1);
}

/** Imports a session file; a broken one is refused whole, and the error says what is wrong with it. */
export async function importSessionFile(file: File): Promise<string> {
  return replay.importSession(file.name, await readAsBase64(file));
}
