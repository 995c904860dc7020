#!/usr/bin/env node
// The installed `codecrafter` command: the bundled CLI (run `npm run build` first in a checkout).
import '../dist/cli.mjs';
