// Where the bank lives and where the shipped problems are: the data dir (as for history) and
// problems/ beside package.json.
import path from 'node:path';
import { defaultDataDir } from '../host/data-dir';
import { packageRoot } from '../host/package-root';
import { ProblemBank } from './problem-bank';

export function shippedProblemsDir(): string {
  return process.env.CODECRAFTER_PROBLEMS_DIR ?? path.join(packageRoot(), 'problems');
}

/** Opens the bank, importing the shipped problems the first time. */
export function openProblemBank(dataDir = defaultDataDir()): ProblemBank {
  const bank = ProblemBank.open(dataDir);
  bank.importShippedOnce(shippedProblemsDir());
  return bank;
}
