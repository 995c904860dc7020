import { describe, expect, it } from 'vitest';
import { contract } from '../../common/contract';
import { listChannels } from '../../common/rpc';
import { forwardsToWindows } from './window-events';

describe('host events main sends its windows', () => {
  it('leaves out terminal output (each window has it on its pty host port) and sends every other event', () => {
    const { events } = listChannels(contract);
    expect(events).toContain('terminal.onDidData');
    expect(forwardsToWindows('terminal.onDidData')).toBe(false);
    expect(events.filter((channel) => !forwardsToWindows(channel))).toEqual(['terminal.onDidData']);
    for (const channel of ['terminal.onDidExit', 'terminal.onDidHostExit', 'workspace.onDidChangeFiles', 'sandbox.onDidRunEvent']) expect(forwardsToWindows(channel)).toBe(true);
  });
});
