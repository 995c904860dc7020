import { channelName } from '../../common/rpc';

// Which of the host's events main sends its windows over IPC (main/electron/ipc.ts). A window
// gets every terminal's output over its own MessagePort from the pty host (preload/pty-port.ts,
// renderer/terminal/terminal-transport.ts), so main does not send it a second time: during a
// flood that copy cost main a structured clone and an IPC message per piece, and the renderer a
// decode of each, for no listener.
const ON_THE_PORT: ReadonlySet<string> = new Set([channelName('terminal', 'onDidData')]);

/** Whether main forwards the host event `channel` to its windows. */
export function forwardsToWindows(channel: string): boolean {
  return !ON_THE_PORT.has(channel);
}
