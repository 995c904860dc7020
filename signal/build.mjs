// Bundles the standalone signalling server into one file, dist/signal/signal.cjs, with its
// dependencies (ws, zod, ioredis, prom-client) inside: the Docker image needs nothing but Node.
//   node signal/build.mjs [outdir] && docker build -f signal/Dockerfile -t codecrafter-signal dist/signal
import { build } from 'esbuild';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
await build({
  entryPoints: [path.join(root, 'signal/bin.ts')],
  outfile: path.join(path.resolve(process.argv[2] ?? path.join(root, 'dist/signal')), 'signal.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  // ws falls back to pure JS when these optional native helpers are missing.
  external: ['bufferutil', 'utf-8-validate'],
  legalComments: 'linked',
  logLevel: 'warning',
});
