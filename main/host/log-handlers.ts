import path from 'node:path';
import { ErrorCode, HostError } from '../../common/errors';
import type { RecentLog, RendererLogRecord } from '../../common/log';
import type { CallContext } from '../../common/rpc';
import { getLogger, readRecentLog, rootLogger } from '../log/log-service';
import { createRendererLogSink } from '../log/renderer-log-sink';

// The `app` methods about the log (issue 12): renderer records in, "Show logs" out.

export interface LogHandlerOptions {
  dataDir: string;
  /** Opens a folder in the OS file manager (Electron's shell.openPath); absent in the browser host. */
  openFolder?: (folder: string) => Promise<void>;
}

export function createLogHandlers(options: LogHandlerOptions) {
  const sink = createRendererLogSink(getLogger('renderer'));
  const folder = path.join(options.dataDir, 'logs');
  return {
    log: (record: RendererLogRecord, ctx: CallContext) => ({ accepted: sink.write(record, ctx.origin) }),
    readLog(): RecentLog {
      const { text, files } = readRecentLog(options.dataDir);
      return { text, files, folder, level: rootLogger.level };
    },
    async openLogFolder(): Promise<void> {
      if (!options.openFolder) {
        throw new HostError(ErrorCode.Unsupported, `This host cannot open folders: the log is in ${folder}.`);
      }
      await options.openFolder(folder);
    },
  };
}
