// `codecrafter images [--base <image>] [--force]`: builds the sandbox images that are missing.
import { parseArgs } from 'node:util';
import { buildImages, DEFAULT_BASE } from '../sandbox/images';
import { connectDocker, dockerState } from '../sandbox/docker';

const HELP = `usage: codecrafter images [--base <image>] [--force] [--quiet]

Builds the sandbox images (one per language family) that are missing; a changed recipe in
sandbox-images/ gets a new tag and is rebuilt. The Debian base is made with debootstrap from this
machine's apt mirror (needs root), unless --base names an image such as debian:bookworm-slim.
  --base <image>  base image (default ${DEFAULT_BASE}, or $CODECRAFTER_SANDBOX_BASE)
  --force         rebuild even what exists
  --quiet         print only one line per image, not the build log
`;

export default async function images(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { base: { type: 'string' }, force: { type: 'boolean' }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const docker = connectDocker();
  const state = await dockerState(docker);
  if (state.docker !== 'ok') {
    process.stderr.write(`codecrafter images: ${state.message}\n`);
    return 1;
  }
  const started = Date.now();
  try {
    await buildImages(docker, {
      base: values.base,
      force: values.force,
      onProgress: (p) => {
        const head = `[${p.done}/${p.total}] ${p.image}`;
        if (p.state === 'log') {
          if (!values.quiet) process.stdout.write(`  ${p.image} | ${p.message}\n`);
        } else {
          const secs = ((Date.now() - started) / 1000).toFixed(0);
          process.stdout.write(`${head}: ${p.state}${p.message ? ` (${p.message})` : ''} ${p.tag} [${secs}s]\n`);
        }
      },
    });
  } catch (error) {
    process.stderr.write(`codecrafter images: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  process.stdout.write(`sandbox images ready in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  return 0;
}
