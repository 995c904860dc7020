// Type-checks every runtime folder through the root tsconfig.json's project references
// (`tsc -b`). Each folder keeps its own lib/types, so a wrong import (DOM in common or main,
// Node in renderer) fails to compile; see DESIGN.md section 1. Declarations go to .tsbuild/
// (ignored), which also makes a second run incremental.
import { spawnSync } from 'node:child_process';

const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-b', 'tsconfig.json', '--pretty'], { stdio: 'inherit' });
if (result.status !== 0) console.error('typecheck: failed (see the errors above)');
process.exit(result.status ?? 1);
