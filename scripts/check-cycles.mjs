// Fails on any circular import (as Yjs's lint runs `dpdm --exit-code circular:1`).
import { parseDependencyTree, parseCircular, prettyCircular } from 'dpdm';
import { existsSync } from 'node:fs';

const entries = [
  'main/cli/index.ts',
  'main/electron/main.ts',
  'preload/preload.ts',
  'renderer/main.tsx',
  'signal/index.ts',
  'test/bench/index.ts',
].filter((f) => existsSync(f));

const tree = await parseDependencyTree(entries, { context: process.cwd(), transform: true, skipDynamicImports: false });
const cycles = parseCircular(tree).filter((cycle) => cycle.every((file) => !file.includes('node_modules')));
if (cycles.length > 0) {
  console.error(`circular imports (${cycles.length}):\n${prettyCircular(cycles)}`);
  process.exit(1);
}
console.log(`no circular imports among ${Object.keys(tree).filter((f) => !f.includes('node_modules')).length} files`);
