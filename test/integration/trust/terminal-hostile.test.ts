import { describe, expect, it } from 'vitest';
import { ownerEditorViewer, peerFixture, type TransportPeer } from '../collab/transport-peers';

// Issue 10, "Must show": a hostile peer sending raw input frames reaches no pty without a grant.
// Node processes over real WebRTC (@roamhq/wrtc), each running the app's provider, with our
// signalling server on loopback; the owner shares a real bash in a pty through the app's
// SharedTerminalHost, and the hostile members send input frames straight onto the room channel,
// as a modified client would. Run in a loopback-only network namespace (npm test does).

const { signalUrl, start, stopAll } = peerFixture();
const SECRET = 'terminal-hostile-secret-0123456789';

interface TerminalState {
  written: string[];
  output: string;
  dropped: Record<string, number>;
}

async function terminalState(owner: TransportPeer): Promise<TerminalState> {
  const answer = owner.next('terminal');
  owner.send({ cmd: 'terminal-state' });
  return (await answer) as unknown as TerminalState;
}

async function until(owner: TransportPeer, check: (s: TerminalState) => boolean, what: string): Promise<TerminalState> {
  const end = Date.now() + 60_000;
  for (;;) {
    const state = await terminalState(owner);
    if (check(state)) return state;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify({ ...state, output: state.output.slice(-300) })}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const droppedCount = (s: TerminalState) => Object.values(s.dropped).reduce((a, b) => a + b, 0);

describe('a shared terminal against hostile members over real WebRTC', { timeout: 240_000 }, () => {
  it('raw input frames without a grant reach no pty; a granted editor types', async () => {
    try {
      const { owner, editor, viewer } = await ownerEditorViewer({ start, signalUrl }, SECRET, { editor: { hostile: true }, viewer: { hostile: true } });

      const shared = owner.next('terminal-shared');
      owner.send({ cmd: 'share-terminal' });
      const { sid } = (await shared) as { sid: string };

      const frames: [TransportPeer, unknown][] = [
        [viewer, { sid, data: 'touch pwned-viewer\r' }],
        [editor, { sid, data: 'touch pwned-editor\r' }],
        [editor, { sid: 's999', data: 'touch pwned-unshared\r' }],
        [editor, { sid, data: 'y', writers: [editor.key] }],
        [editor, 'rm -rf ~\r'],
      ];
      for (const [peer, payload] of frames) peer.send({ cmd: 'terminal-input', payload, key: owner.key });
      const refused = await until(owner, (s) => droppedCount(s) === frames.length, 'every frame to be dropped');
      expect(refused.dropped).toMatchObject({ 'no-grant': 1, 'not-eligible': 1, 'not-shared': 1, malformed: 2 });
      expect(refused.written).toEqual([]);

      // The same path carries a granted editor's keystrokes: the refusals above were not a dead link.
      owner.send({ cmd: 'grant-terminal', key: editor.key });
      await until(owner, () => true, 'the grant');
      editor.send({ cmd: 'terminal-input', payload: { sid, data: 'echo granted-$((6*7))\r' }, key: owner.key });
      const after = await until(owner, (s) => s.output.includes('granted-42'), "the granted editor's command to run");
      expect(after.output).not.toContain('pwned');
      expect(after.written).toEqual(['echo granted-$((6*7))\r']);
    } finally {
      await stopAll();
    }
  });
});
