import type { Contract } from '../../common/contract';
import type { ImplOf } from '../../common/rpc';
import type { AreaHandlers, HostContext } from './host-context';

/** The history service's handlers (issue 5). */
export function createHistoryHandlers(_ctx: HostContext): AreaHandlers<ImplOf<Contract>['history']> {
  return { impl: {} };
}
