import path from 'node:path';
import { contract, type Contract } from '../../common/contract';
import { serviceEmitter, type ImplOf } from '../../common/rpc';
import type { HistoryHooks } from '../services/history-service';
import { startHistoryWorker } from '../services/history-worker-client';
import type { HistoryRetentionStore } from '../store/history-retention';
import type { AreaHandlers, HostContext } from './host-context';

// The history area of the contract: an adapter only (issue 12). The use cases live in
// main/services/history-service.ts and run in a worker thread (history-worker.ts) with the
// SQLite store, so recording never blocks main's event loop; this forwards requests with the
// folder main has open, turns commits into onDidStore events, and keeps the retention in the
// settings database. History errors reach the contract's codes in main/history/host-errors.ts.

export function createHistoryHandlers(
  ctx: HostContext,
  deps: {
    retention: Pick<HistoryRetentionStore, 'get' | 'set'>;
    /** Hands on what is gathered for the history but not sent yet (terminal output), so every call sees it. */
    beforeCall?: () => void;
  },
): AreaHandlers<ImplOf<Contract>['history']> & { hooks: HistoryHooks } {
  const emit = serviceEmitter(ctx.hub, contract, 'history');
  const openRoot = () => ctx.workspace.info()?.root ?? null;
  const worker = startHistoryWorker({
    historyFile: path.join(ctx.dataDir, 'history.sqlite'),
    exportDir: path.join(ctx.dataDir, 'exports'),
    retentionDays: deps.retention.get().days,
    openRoot,
    onStored: (stored) => emit('onDidStore', stored),
  });
  const api = Object.fromEntries(
    Object.entries(worker.api).map(([name, call]) => [
      name,
      (arg: never) => {
        deps.beforeCall?.();
        return (call as (a: never) => unknown)(arg);
      },
    ]),
  ) as typeof worker.api;
  return {
    impl: {
      ...api,
      begin(arg) {
        // A room guest records without a folder; anyone else needs one ("Open a folder first").
        if (openRoot() === null && !arg.roomId) ctx.workspace.root();
        return api.begin(arg);
      },
      getRetention: () => deps.retention.get(),
      setRetention({ days }) {
        deps.retention.set(days);
        return api.setRetention({ days });
      },
    },
    hooks: worker.hooks,
    dispose: () => worker.dispose(),
  };
}
