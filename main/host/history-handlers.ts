import path from 'node:path';
import { contract, type Contract } from '../../common/contract';
import { serviceEmitter, type ImplOf } from '../../common/rpc';
import { HistoryStore } from '../history';
import { historyToHostError } from '../history/host-errors';
import { createHistoryService, type HistoryApi, type HistoryHooks } from '../services/history-service';
import type { HistoryRetentionStore } from '../store/history-retention';
import type { AreaHandlers, HostContext } from './host-context';

// The history area of the contract: an adapter only (issue 12). The use cases live in
// main/services/history-service.ts; this opens the store, turns the service's commits into
// onDidStore events, and maps every history error to the contract's codes in one place.


/** What the user was doing, put before the error's own message. */
const CONTEXT: Partial<Record<keyof HistoryApi, string>> = {
  begin: 'Cannot record this workspace',
  createSnapshot: 'Cannot save the snapshot',
  fork: 'Cannot fork the session',
  exportSession: 'Cannot export the session',
};

function adapt(service: HistoryApi): HistoryApi {
  const adapted: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(service) as [keyof HistoryApi, (arg: unknown) => unknown][]) {
    if (typeof fn !== 'function') continue;
    const context = CONTEXT[name];
    adapted[name] = (arg: unknown) => {
      try {
        const result = fn(arg);
        return result instanceof Promise ? result.catch((error: unknown) => Promise.reject(historyToHostError(error, context))) : result;
      } catch (error) {
        throw historyToHostError(error, context);
      }
    };
  }
  return adapted as HistoryApi;
}

export function createHistoryHandlers(
  ctx: HostContext,
  deps: { retention: Pick<HistoryRetentionStore, 'get' | 'set'> },
): AreaHandlers<ImplOf<Contract>['history']> & { hooks: HistoryHooks } {
  const store = HistoryStore.open(path.join(ctx.dataDir, 'history.sqlite'));
  const emit = serviceEmitter(ctx.hub, contract, 'history');
  const service = createHistoryService({
    store,
    workspace: ctx.workspace,
    retention: deps.retention,
    exportDir: path.join(ctx.dataDir, 'exports'),
    onStored: (stored) => emit('onDidStore', stored),
  });
  const { hooks, dispose, ...api } = service;
  return {
    impl: adapt(api),
    hooks,
    dispose() {
      dispose();
      store.close();
    },
  };
}
