#!/usr/bin/env node
// The installed `codecrafter` command: the bundled CLI (run `npm run build` first in a checkout).
// The Node version check comes first: imports are evaluated in order, so on an old Node it stops
// with its one sentence before the CLI loads any native module.
import '../scripts/check-node.mjs';
import '../dist/cli.mjs';
