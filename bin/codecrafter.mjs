#!/usr/bin/env node
// The installed `codecrafter` command: the bundled CLI (run `npm run build` first in a checkout).
// The Node version check comes first, and the CLI is loaded only after it: on an old Node the
// command stops with one sentence before any native module loads.
import '../scripts/check-node.mjs';

await import('../dist/cli.mjs');
