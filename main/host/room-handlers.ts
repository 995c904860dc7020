import type { Contract } from '../../common/contract';
import type { ImplOf } from '../../common/rpc';
import type { AreaHandlers, HostContext } from './host-context';

/** The room service's handlers (issue 4). */
export function createRoomHandlers(_ctx: HostContext): AreaHandlers<ImplOf<Contract>['room']> {
  return { impl: {} };
}
