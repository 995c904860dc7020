#!/usr/bin/env node
// Stops an npm script before anything native loads when Node is too old: better-sqlite3 13 and
// Electron 45's tooling need Node >= 22.12, and on Node 20 the build ends in a segmentation fault
// with no word about the version (issue 11). Every npm script starts with this check; `npm install`
// and `npm ci` are stopped earlier by `engine-strict` in .npmrc (npm runs a root `preinstall` only
// after it has installed the dependencies and written package-lock.json, so a script is too late).
//
// Written for old Nodes on purpose: no syntax or API newer than Node 12, no imports.
const MINIMUM = [22, 12];

export function nodeVersionProblem(version, execPath) {
  const [major, minor] = String(version).replace(/^v/, '').split('.').map(Number);
  if (major > MINIMUM[0] || (major === MINIMUM[0] && minor >= MINIMUM[1])) return null;
  return (
    `CodeCrafter needs Node ${MINIMUM.join('.')} or newer, but this is Node ${version} (${execPath}); ` +
    'run `source scripts/provision-node.sh` in this shell, then the same command again.'
  );
}

const problem = nodeVersionProblem(process.version, process.execPath);
if (problem) {
  process.stderr.write(`${problem}\n`);
  process.exit(1);
}
