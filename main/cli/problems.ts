// `codecrafter problems import|list|export|delete`: the problem bank from the command line.
import { parseArgs } from 'node:util';
import { HostError } from '../../common/errors';
import { openProblemBank } from '../interview/bank-location';

const HELP = `usage: codecrafter problems <command> [options]

  import <package dir | .zip> [--json]   add a Kattis package (or a zip of inputNN.txt/outputNN.txt)
                                         to the bank; prints the problem id (re-import replaces it)
  list [--json]                          the problems in the bank
  export <id> <dir | file.zip>           write a problem back in the Kattis layout
  delete <id>                            remove a problem from the bank
Options: --data-dir <dir> (default $CODECRAFTER_DATA_DIR or ~/.config/codecrafter).
Exit status: 0 done, 1 the package or id was refused (the reason is printed), 2 bad usage.
`;

export default async function problems(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    process.stderr.write(`codecrafter problems: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  if (values.help || !command) {
    (values.help ? process.stdout : process.stderr).write(HELP);
    return values.help ? 0 : 2;
  }
  const want = { import: 1, list: 0, export: 2, delete: 1 }[command];
  if (want === undefined || args.length !== want) {
    process.stderr.write(`codecrafter problems: ${want === undefined ? `unknown command '${command}'` : `${command} takes ${want} argument(s)`}\n\n${HELP}`);
    return 2;
  }
  const bank = openProblemBank(values['data-dir']);
  try {
    if (command === 'import') {
      const outcome = bank.importPath(args[0]!);
      process.stdout.write(values.json ? `${JSON.stringify(outcome)}\n` : `${outcome.id}\n`);
    } else if (command === 'list') {
      const list = bank.list();
      if (values.json) process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      else if (list.length === 0) process.stdout.write('the bank is empty; add a problem with `codecrafter problems import <dir|zip>`\n');
      else
        for (const p of list)
          process.stdout.write(
            `${p.id.padEnd(24)} ${p.type.padEnd(9)} ${String(p.samples).padStart(3)} samples ${String(p.secretTests).padStart(4)} hidden  ${p.timeLimitMs ? `${p.timeLimitMs / 1000} s` : 'time limit not derived yet'}  ${p.name}\n`,
          );
    } else if (command === 'export') {
      bank.export(args[0]!, args[1]!);
      process.stderr.write(`exported ${args[0]} to ${args[1]}\n`);
    } else {
      bank.delete(args[0]!);
    }
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (values.json) process.stdout.write(`${JSON.stringify({ error: message })}\n`);
    else process.stderr.write(`codecrafter problems ${command}: ${message}\n`);
    return error instanceof HostError && error.code === 'invalid-argument' ? 2 : 1;
  } finally {
    bank.close();
  }
}
