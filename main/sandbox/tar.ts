// The workspace as a tar archive for the supervisor, which extracts it into the sandbox's tmpfs
// (`docker cp`/putArchive cannot write into a tmpfs of a read-only container). Written with
// tar-stream, which adds a pax header where a path does not fit ustar's 100 + 155 bytes, so every
// workspace path (up to 1,024 characters) travels (issue 12). Paths are validated workspace paths.
import { pack } from 'tar-stream';

/** Owner of the extracted files: the sandbox user (the supervisor extracts with --no-same-owner anyway). */
const OWNER = { uid: 1000, gid: 1000 };

export async function tarFiles(files: { path: string; content: string | Buffer; executable?: boolean }[]): Promise<Buffer> {
  const archive = pack();
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    archive.on('data', (chunk) => chunks.push(chunk as Buffer));
    archive.on('end', () => resolve(Buffer.concat(chunks)));
    archive.on('error', reject);
  });
  const mtime = new Date();
  const dirs = new Set<string>();
  for (const file of files) {
    const segments = file.path.split('/');
    for (let i = 1; i < segments.length; i++) {
      const dir = segments.slice(0, i).join('/');
      if (dirs.has(dir)) continue;
      dirs.add(dir);
      archive.entry({ name: `${dir}/`, type: 'directory', mode: 0o755, mtime, ...OWNER });
    }
    const body = typeof file.content === 'string' ? Buffer.from(file.content) : file.content;
    archive.entry({ name: file.path, type: 'file', mode: file.executable ? 0o755 : 0o644, size: body.length, mtime, ...OWNER }, body);
  }
  archive.finalize();
  return done;
}
