// Type-checks each runtime folder with its own tsconfig, so that a wrong import
// (DOM in common or main, Node in renderer) fails to compile. See DESIGN.md section 1.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const projects = ['common', 'main', 'signal', 'preload', 'renderer', 'test'];
let failed = 0;
for (const project of projects) {
  const config = `${project}/tsconfig.json`;
  if (!existsSync(config)) continue;
  const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', config], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    console.error(`typecheck: ${project} failed`);
  }
}
process.exit(failed ? 1 : 0);
