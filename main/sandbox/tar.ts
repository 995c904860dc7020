// A minimal ustar writer for workspace files: the supervisor extracts it into the sandbox's
// tmpfs (`docker cp`/putArchive cannot write into a tmpfs of a read-only container).
// Paths are already validated workspace paths (relative, no "..").

const BLOCK = 512;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, size: number, type: '0' | '5', mode: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  let prefix = '';
  let base = name;
  if (Buffer.byteLength(name) > 100) {
    // ustar splits long names at a "/" into prefix (155 bytes) and name (100 bytes).
    const cut = name.lastIndexOf('/', name.length - 1);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
    if (cut === -1 || Buffer.byteLength(base) > 100 || Buffer.byteLength(prefix) > 155) throw new Error(`path too long for the archive: ${name}`);
  }
  block.write(base, 0, 100);
  block.write(octal(mode, 8), 100);
  block.write(octal(1000, 8), 108);
  block.write(octal(1000, 8), 116);
  block.write(octal(size, 12), 124);
  block.write(octal(0, 12), 136);
  block.fill(' ', 148, 156);
  block.write(type, 156);
  block.write('ustar\0', 257);
  block.write('00', 263);
  block.write(prefix, 345, 155);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(octal(sum, 7) + ' ', 148);
  return block;
}

export function tarFiles(files: { path: string; content: string | Buffer }[]): Buffer {
  const parts: Buffer[] = [];
  const dirs = new Set<string>();
  for (const file of files) {
    const segments = file.path.split('/');
    for (let i = 1; i < segments.length; i++) {
      const dir = segments.slice(0, i).join('/');
      if (!dirs.has(dir)) {
        dirs.add(dir);
        parts.push(header(`${dir}/`, 0, '5', 0o755));
      }
    }
    const body = typeof file.content === 'string' ? Buffer.from(file.content) : file.content;
    parts.push(header(file.path, body.length, '0', 0o644), body, Buffer.alloc((BLOCK - (body.length % BLOCK)) % BLOCK));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}
