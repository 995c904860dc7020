// `npm run bench [part…]`: runs each benchmark part (test/bench/<part>.bench.ts) in its own
// process, one after the other, so that parts never compete for the machine's two cores.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const dir = path.dirname(new URL(import.meta.url).pathname);
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .sort();
// Part names first, then options for the parts: `npm run bench -- terminal --mb 10`. `--profile`
// runs each part under node --cpu-prof (profiles in bench-results/profiles, for Chrome DevTools).
const args = process.argv.slice(2);
const firstOption = args.findIndex((a) => a.startsWith('-'));
const asked = firstOption === -1 ? args : args.slice(0, firstOption);
const options = firstOption === -1 ? [] : args.slice(firstOption);
const profile = options.includes('--profile');
const partOptions = options.filter((o) => o !== '--profile');
const unknown = asked.filter((a) => !available.includes(a));
if (unknown.length) {
  console.error(`bench: unknown part(s) ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const part of asked.length ? asked : available) {
  console.log(`\n== bench: ${part}`);
  const nodeFlags = profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(process.cwd(), 'bench-results', 'profiles')}`] : [];
  const result = spawnSync(process.execPath, [...nodeFlags, '--import', 'tsx', path.join(dir, `${part}.bench.ts`), ...partOptions], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
