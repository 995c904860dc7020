// `codecrafter replay <session> --at <point>`: the text of every file at a moment of a recorded session.
import { parseArgs } from 'node:util';
import { HistoryStore } from '../history';
import { DB_OPTIONS, existingDbPath, findSessionId, parsePoint, reportError } from '../history/cli-common';

const USAGE = `usage: codecrafter replay <session> --at <n|end|ISO time|+90s|snapshot:name> [--diff-from <point>] [--json] [--db file | --data-dir dir]

Prints every file at that point (after update n; or the last update at or before the time).
With --diff-from, prints what changed between the two points instead.
`;

export default async function replay(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { ...DB_OPTIONS, at: { type: 'string' }, 'diff-from': { type: 'string' } },
    });
  } catch (error) {
    process.stderr.write(`replay: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length !== 1 || !values.at) {
    process.stderr.write(USAGE);
    return 2;
  }
  let store: HistoryStore | undefined;
  try {
    store = HistoryStore.open(existingDbPath(values));
    const id = findSessionId(store, positionals[0]!);
    const replayer = store.openReplay(id);
    const at = parsePoint(values.at, replayer.session.createdAt);
    if (values['diff-from']) {
      const from = parsePoint(values['diff-from'], replayer.session.createdAt);
      const diffs = replayer.diff(from, at);
      if (values.json) process.stdout.write(JSON.stringify({ sessionId: id, from: replayer.resolve(from), to: replayer.resolve(at), diffs }) + '\n');
      else for (const d of diffs) process.stdout.write(`${d.status} ${d.path} (+${d.inserted} -${d.deleted})\n`);
      return 0;
    }
    const result = replayer.filesAt(at);
    if (values.json) {
      process.stdout.write(JSON.stringify({ sessionId: id, ...result }) + '\n');
    } else {
      process.stderr.write(`session ${id} at update ${result.seq} (${new Date(result.time).toISOString()})\n`);
      for (const [file, text] of Object.entries(result.files)) process.stdout.write(`==> ${file} <==\n${text}${text.endsWith('\n') ? '' : '\n'}`);
    }
    return 0;
  } catch (error) {
    return reportError(error, 'replay');
  } finally {
    store?.close();
  }
}
