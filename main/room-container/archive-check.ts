// Checks an archive before it goes into a room container: it was written by exportArchive (every
// entry under "workspace/") or by hand, so each entry is a file or folder inside the workspace —
// no "..", no absolute name, no links (a symlink could point the next entry at the home volume's
// shell start-up files) and no devices — and the total stays within the disk quota.
import { createReadStream } from 'node:fs';
import { extract, pack } from 'tar-stream';

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
      let refusal: Error | undefined;
      if (problem) refusal = new Error(`The archive cannot be imported: ${problem}.`);
      else if (bytes > maxBytes) refusal = new Error(`The archive holds more than the disk quota (${Math.round(maxBytes / 2 ** 20)} MB).`);
      else if (header.type === 'file') files += 1;
      // next(error) ends the extraction with that error, reported once through 'error'.
      stream.on('end', () => next(refusal));
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

/**
 * The archive's entries with the leading "workspace/" taken off, as a stream for putArchive into
 * /workspace itself (Docker refuses archives aimed at a read-only root, even when every entry
 * would land in a volume). Run checkArchive first; entries that fail the same check are dropped.
 */
export function workspaceRelativeArchive(file: string): NodeJS.ReadableStream {
  const reader = extract();
  const out = pack();
  reader.on('entry', (header, stream, next) => {
    const relative = header.name.replace(/\/+$/, '').split('/').slice(1).join('/');
    if (archiveEntryProblem(header.name, header.type ?? 'file') || !relative) {
      stream.on('end', next);
      stream.resume();
      return;
    }
    stream.pipe(out.entry({ ...header, name: relative }, (error?: Error | null) => (error ? reader.destroy(error) : next())));
  });
  reader.on('finish', () => out.finalize());
  reader.on('error', (error) => out.destroy(error));
  const input = createReadStream(file);
  input.on('error', (error) => reader.destroy(error));
  input.pipe(reader);
  // tar-stream's streams are streamx streams; dockerode only pipes them.
  return out as unknown as NodeJS.ReadableStream;
}
