// Checks an archive before it goes into a room container: it was written by exportArchive (every
// entry under "workspace/") or by hand, so each entry is a file or folder inside the workspace —
// no "..", no absolute name, no links (a symlink could point the next entry at the home volume's
// shell start-up files) and no devices — and the total stays within the disk quota.
import { createReadStream } from 'node:fs';
import { extract } from 'tar-stream';

export const ARCHIVE_ROOT = 'workspace';

export function archiveEntryProblem(name: string, type: string): string | null {
  const clean = name.replace(/\/+$/, '');
  if (clean.startsWith('/')) return `"${name}" is an absolute path`;
  const segments = clean.split('/');
  if (segments[0] !== ARCHIVE_ROOT) return `"${name}" is not inside ${ARCHIVE_ROOT}/`;
  if (segments.some((s) => s === '..' || s === '.' || s === '')) return `"${name}" contains "..", "." or an empty segment`;
  if (type !== 'file' && type !== 'directory') return `"${name}" is a ${type}; only files and folders are imported`;
  return null;
}

/** Resolves to the number of files; rejects with the first problem found. */
export async function checkArchive(file: string, maxBytes: number): Promise<number> {
  const reader = extract();
  let files = 0;
  let bytes = 0;
  const done = new Promise<number>((resolve, reject) => {
    reader.on('entry', (header, stream, next) => {
      const problem = archiveEntryProblem(header.name, header.type ?? 'file');
      bytes += header.size ?? 0;
      if (!problem && bytes > maxBytes) {
        reader.destroy(new Error(`The archive holds more than the disk quota (${Math.round(maxBytes / 2 ** 20)} MB).`));
        return;
      }
      if (problem) {
        reader.destroy(new Error(`The archive cannot be imported: ${problem}.`));
        return;
      }
      if (header.type === 'file') files += 1;
      stream.on('end', next);
      stream.resume();
    });
    reader.on('finish', () => resolve(files));
    reader.on('error', reject);
  });
  const input = createReadStream(file);
  input.on('error', (error) => reader.destroy(error));
  input.pipe(reader);
  return done;
}
