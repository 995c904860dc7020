// Guest runs in main against the real dockerd (issue 8 item 6): a member's request runs in the
// sandbox (never unsandboxed, even when the host allows unsandboxed runs), the switch and the
// rate limit per member key hold, and bad requests are refused by the contract's schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guestRunsContract, type GuestRunEvent } from '../../../common/contract-guest-runs';
import { createDispatcher } from '../../../common/rpc';
import { GuestRunService } from '../../../main/rooms/guest-run-service';
import type { SandboxService } from '../../../main/sandbox/service';
import { startService } from '../sandbox/helpers';

const ALICE = 'a'.repeat(64);
const BOB = 'b'.repeat(64);
const call = { origin: 'test' };

let sandbox: SandboxService;
const settings = { guestRunsAllowed: true, guestRunsPerMinute: 6, guestRunsInFlight: 1, allowUnsandboxed: true };
let hosting = true;
const events: GuestRunEvent[] = [];
let dispatcher: ReturnType<typeof createDispatcher>;

beforeAll(async () => {
  sandbox = await startService({ warm: ['python'] });
  // The rate limit's clock stands still, so a slow machine's runs do not refill the bucket mid-test.
  const service = new GuestRunService({ sandbox, settings: () => settings, hosting: () => hosting, emit: (e) => events.push(e), now: () => 0 });
  dispatcher = createDispatcher({ guestRuns: guestRunsContract }, { guestRuns: { runForGuest: (r) => service.runForGuest(r), cancelForGuest: (r) => service.cancelForGuest(r) } });
}, 120_000);
afterAll(() => sandbox?.dispose());

const request = (memberKey: string, code: string, extra: Record<string, unknown> = {}) => ({
  memberKey,
  memberName: 'Bob',
  run: { language: 'python', entry: 'main.py', files: [{ path: 'main.py', content: code }], stdin: '', ...extra },
});

async function runForGuest(arg: unknown) {
  return dispatcher.call('guestRuns.runForGuest', arg, call);
}

function finished(runId: string): Promise<GuestRunEvent & { type: 'done' }> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      const done = events.find((e): e is GuestRunEvent & { type: 'done' } => e.runId === runId && e.type === 'done');
      if (done) {
        clearInterval(timer);
        resolve(done);
      }
    }, 20);
  });
}

describe('guest runs in main', () => {
  it('runs a member request in the sandbox and streams its events with the member key', async () => {
    const started = await runForGuest(request(BOB, 'import sys\nprint("hello", sys.stdin.read())', { stdin: 'from bob' }));
    expect(started.ok).toBe(true);
    const { runId } = (started as { value: { runId: string } }).value;
    const done = await finished(runId);
    expect(done.result.verdict).toBe('ok');
    // The host allows unsandboxed runs, and still a guest's run is sandboxed.
    expect(done.result.sandboxed).toBe(true);
    const output = events.filter((e) => e.runId === runId && e.type === 'output').map((e) => (e.type === 'output' ? e.data : '')).join('');
    expect(output).toBe('hello from bob\n');
    expect(events.filter((e) => e.runId === runId).every((e) => e.memberKey === BOB)).toBe(true);
  }, 120_000);

  it('refuses an unsandboxed flag, a big stdin and a path out of the room before anything runs', async () => {
    for (const [arg, message] of [
      [request(BOB, 'print(1)', { unsandboxed: true }), /always sandboxed/],
      [request(BOB, 'print(1)', { stdin: 'x'.repeat(65 * 1024) }), /stdin may be at most 64 KB/],
      [{ ...request(BOB, 'print(1)'), run: { language: 'python', entry: '../main.py', files: [{ path: '../main.py', content: 'print(1)' }] } }, /\.\./],
      [{ ...request(BOB, 'print(1)'), memberKey: 'not-a-key' }, /public key/],
    ] as const) {
      const result = await runForGuest(arg);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid-argument');
        expect(result.error.message).toMatch(message);
      }
    }
  });

  it('holds one run in flight per member, lets another member run meanwhile, and counts runs per minute', async () => {
    const slow = await runForGuest(request(BOB, 'import time\ntime.sleep(3)\nprint("slow")'));
    expect(slow.ok).toBe(true);
    const again = await runForGuest(request(BOB, 'print("again")'));
    expect(again).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringContaining('at most 1 at once') } });
    const alice = await runForGuest(request(ALICE, 'print("alice")'));
    expect(alice.ok).toBe(true);
    await finished((slow as { value: { runId: string } }).value.runId);
    await finished((alice as { value: { runId: string } }).value.runId);
    // Bob has used 2 of his 6 this minute (the first test's and the slow one; the refused one did not count): 4 more, then refused.
    for (let i = 0; i < 4; i++) {
      const ok = await runForGuest(request(BOB, `print(${i})`));
      expect(ok.ok).toBe(true);
      await finished((ok as { value: { runId: string } }).value.runId);
    }
    expect(await runForGuest(request(BOB, 'print("seventh")'))).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringContaining('6 runs a minute') } });
  }, 240_000);

  it('refuses every run when the host switched guest runs off, or hosts no room', async () => {
    settings.guestRunsAllowed = false;
    expect(await runForGuest(request(ALICE, 'print(1)'))).toMatchObject({ ok: false, error: { code: 'permission-denied', message: 'The host has switched guest runs off.' } });
    settings.guestRunsAllowed = true;
    hosting = false;
    expect(await runForGuest(request(ALICE, 'print(1)'))).toMatchObject({ ok: false, error: { code: 'permission-denied' } });
    hosting = true;
  });

  it('lets only the member who asked cancel a run', async () => {
    const started = await runForGuest(request(ALICE, 'import time\ntime.sleep(30)'));
    const { runId } = (started as { value: { runId: string } }).value;
    expect(await dispatcher.call('guestRuns.cancelForGuest', { memberKey: BOB, runId }, call)).toEqual({ ok: true, value: { cancelled: false } });
    expect(await dispatcher.call('guestRuns.cancelForGuest', { memberKey: ALICE, runId }, call)).toEqual({ ok: true, value: { cancelled: true } });
    expect((await finished(runId)).result.verdict).toBe('cancelled');
  }, 120_000);
});
