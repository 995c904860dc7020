// Bundles the Node side: the CLI (browser host, signalling, sandbox commands), Electron's main
// process and its preload. Packages stay external (native modules must load from node_modules),
// except in the preload: a sandboxed preload can require almost nothing, so it is one file.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({
    ...common,
    entryPoints: ['main/cli/index.ts'],
    outfile: 'dist/cli.mjs',
    format: 'esm',
    packages: 'external',
    banner: { js: "import { createRequire as __ccCreateRequire } from 'node:module'; const require = __ccCreateRequire(import.meta.url);" },
  }),
  // The pty host runs in its own process (issue 10): the browser host forks this file.
  build({
    ...common,
    entryPoints: ['main/terminal/pty-host-child.ts'],
    outfile: 'dist/pty-host.mjs',
    format: 'esm',
    packages: 'external',
  }),
  // The history recorder runs in a worker thread (issue 12), beside each bundle that starts it.
  ...['dist/history-worker.mjs', 'dist/electron/history-worker.mjs'].map((outfile) =>
    build({
      ...common,
      entryPoints: ['main/services/history-worker.ts'],
      outfile,
      format: 'esm',
      packages: 'external',
      banner: { js: "import { createRequire as __ccCreateRequire } from 'node:module'; const require = __ccCreateRequire(import.meta.url);" },
    }),
  ),
  build({
    ...common,
    entryPoints: ['main/electron/pty-host-utility.ts'],
    outfile: 'dist/electron/pty-host-utility.cjs',
    format: 'cjs',
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: ['main/electron/main.ts'],
    outfile: 'dist/electron/main.cjs',
    format: 'cjs',
    packages: 'external',
    // Shared modules use import.meta.url to find files; give the CommonJS bundle its equivalent.
    define: { 'import.meta.url': '__ccImportMetaUrl' },
    banner: { js: "const __ccImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  }),
  build({
    ...common,
    entryPoints: ['preload/preload.ts'],
    outfile: 'dist/preload/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
]);
