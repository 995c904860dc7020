// `npm run docs`: writes the reference docs generated from the declarations to docs/reference/.
// `--check` writes nothing and exits 1 when a committed doc differs from what the code declares.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { allReferences } from './reference';

const root = path.resolve(import.meta.dirname, '../..');
const check = process.argv.includes('--check');
let stale = 0;
for (const doc of await allReferences(root)) {
  const target = path.join(root, doc.file);
  const current = existsSync(target) ? readFileSync(target, 'utf8') : null;
  if (current === doc.text) continue;
  if (check) {
    stale++;
    console.error(`docs: ${doc.file} is out of date; run \`npm run docs\`.`);
    continue;
  }
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, doc.text);
  console.log(`docs: wrote ${doc.file}`);
}
process.exit(stale ? 1 : 0);
