'use strict';
// n goes up to 10^18, beyond a double's exact integers: BigInt throughout.
const readline = require('readline');

async function main() {
  const lines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  const next = async () => (await lines.next()).value.trim();
  const n = BigInt(await next());
  let lo = 1n;
  let hi = n;
  for (;;) {
    const mid = (lo + hi) / 2n;
    process.stdout.write(`${mid}\n`);
    const reply = await next();
    if (reply === 'correct') break;
    if (reply === 'higher') lo = mid + 1n;
    else hi = mid - 1n;
  }
  process.exit(0);
}

main();
