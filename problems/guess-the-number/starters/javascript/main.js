'use strict';
const readline = require('readline');

async function main() {
  const lines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  const next = async () => (await lines.next()).value.trim();
  const n = BigInt(await next()); // n may exceed 2^53: use BigInt
  // TODO: guess until the judge answers "correct"
  const guess = 1n;
  process.stdout.write(`${guess}\n`);
  const reply = await next(); // "lower", "higher" or "correct"
  process.exit(0);
}

main();
