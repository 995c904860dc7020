// `codecrafter history <import-trace|list|export|import|prune>`: the history database without a window.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { HistoryStore, loadTrace, recordTrace } from '../history';
import { DB_OPTIONS, dbPath, existingDbPath, findSessionId, reportError } from '../history/cli-common';

const USAGE = `usage: codecrafter history <command> [--db file | --data-dir dir] [--json]

  import-trace <trace.json[.gz]> [--file path] [--workspace id]   record an editing trace as a session, print its id
  list [--workspace id]                                           sessions, newest first
  export <session> <out-file>                                     one session as one file (checksummed)
  import <file> [--new-id]                                        a file from export; prints the session id
  prune --older-than <days>                                       delete sessions idle for longer
`;

export default async function history(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ...DB_OPTIONS,
        file: { type: 'string' },
        workspace: { type: 'string' },
        'new-id': { type: 'boolean', default: false },
        'older-than': { type: 'string' },
      },
    });
  } catch (error) {
    process.stderr.write(`history: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return command || values.help ? 0 : 2;
  }
  const out = (json: unknown, text: string) => process.stdout.write(values.json ? JSON.stringify(json) + '\n' : text);
  let store: HistoryStore | undefined;
  try {
    switch (command) {
      case 'import-trace': {
        if (args.length !== 1) break;
        // Validated in full before the database is even opened: a bad trace touches nothing.
        const trace = loadTrace(args[0]!);
        const base = path.basename(args[0]!).replace(/\.gz$/, '').replace(/\.json$/, '');
        store = HistoryStore.open(dbPath(values));
        const started = performance.now();
        const { sessionId, updates } = recordTrace(store, trace, {
          file: values.file ?? base,
          workspaceId: values.workspace ?? 'trace',
          title: base,
        });
        const ms = Math.round(performance.now() - started);
        out({ sessionId, updates, ms }, `${sessionId}\n`);
        if (!values.json) process.stderr.write(`recorded ${updates} updates in ${ms} ms\n`);
        return 0;
      }
      case 'list': {
        if (args.length) break;
        store = HistoryStore.open(existingDbPath(values));
        const sessions = store.listSessions(values.workspace ? { workspaceId: values.workspace } : {});
        out(
          sessions,
          sessions
            .map((s) => `${s.id}  ${new Date(s.createdAt).toISOString()}  ${s.kind.padEnd(9)} ${String(s.lastSeq).padStart(8)} updates  ${s.workspaceId}  ${s.title ?? ''}\n`)
            .join(''),
        );
        return 0;
      }
      case 'export': {
        if (args.length !== 2) break;
        store = HistoryStore.open(existingDbPath(values));
        const id = findSessionId(store, args[0]!);
        const result = store.exportSession(id, path.resolve(args[1]!));
        out({ sessionId: id, ...result }, `exported ${id} to ${args[1]} (${result.bytes} bytes, sha256 ${result.sha256})\n`);
        return 0;
      }
      case 'import': {
        if (args.length !== 1) break;
        store = HistoryStore.open(dbPath(values));
        const info = store.importSession(path.resolve(args[0]!), { newId: values['new-id'] });
        out(info, `${info.id}\n`);
        return 0;
      }
      case 'prune': {
        const days = Number(values['older-than']);
        if (args.length || values['older-than'] === undefined || !Number.isFinite(days) || days < 0) break;
        store = HistoryStore.open(existingDbPath(values));
        const deleted = store.pruneOlderThan(days);
        out({ deleted }, `deleted ${deleted.length} session(s)\n`);
        return 0;
      }
      default:
        process.stderr.write(`history: unknown command '${command}'\n\n${USAGE}`);
        return 2;
    }
    process.stderr.write(`history ${command}: wrong arguments\n\n${USAGE}`);
    return 2;
  } catch (error) {
    return reportError(error, `history ${command}`);
  } finally {
    store?.close();
  }
}
