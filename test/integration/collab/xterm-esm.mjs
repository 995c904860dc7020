// For peer child processes (transport-peer.ts) that run the app's shared terminal in plain Node:
// xterm.js and its addons ship an ES module beside a webpack bundle whose named exports Node
// cannot see, and name it only in package.json's "module" field, which Node ignores. This maps
// a bare `@xterm/<name>` import to that ES module, as Vite and Vitest do.
import { register } from 'node:module';

const hooks = `
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
export async function resolve(specifier, context, next) {
  if (/^@xterm\\/[a-z0-9-]+$/.test(specifier)) {
    const require = createRequire(context.parentURL ?? import.meta.url);
    const manifest = require.resolve(specifier + '/package.json');
    const { module } = JSON.parse(readFileSync(manifest, 'utf8'));
    if (module) return next(specifier + '/' + module, context);
  }
  return next(specifier, context);
}
`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`, import.meta.url);
