import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoomContainerOverQuota } from '../../../common/contract-room-container';
import type { RealHost } from '../renderer/real-host';
import { hostWithFolderContainer, shIn } from './container-exec';

// The disk quota through the real host services (issue 10 item 3): the page hears that the room
// container passed it, runs meant for the container are refused while it is over (with what to
// do), a terminal still opens there to delete files (and says so), and runs go in again once it
// is back under.

const docker = new Docker();
let host: RealHost;
let container = '';
const heard: RoomContainerOverQuota[] = [];
const SLOW = { timeout: 60_000, interval: 250 };

let remove: () => Promise<void>;

beforeAll(async () => {
  ({ host, container, remove } = await hostWithFolderContainer(
    { languages: ['python', 'bash'], storage: 'volume', quotaMb: 64 },
    { mainText: 'ran', host: { roomQuotaCheckMs: 300 }, beforeCreate: (h) => h.api.roomContainer.onDidPassQuota((event) => heard.push(event)) },
  ));
}, 900_000);

afterAll(() => remove?.(), 120_000);

describe('room container quota, through the host', () => {
  it('tells the page, refuses runs while over, opens a terminal to clean up, and runs again once under', { timeout: 300_000 }, async () => {
    await shIn(docker, container, 'head -c 70000000 /dev/zero > /workspace/big');
    await expect.poll(() => heard.length, SLOW).toBe(1);
    expect(heard[0]).toMatchObject({ quotaMb: 64, stopped: true });

    await expect(host.api.sandbox.run({ language: 'python', entry: 'main.py', roomContainer: {} })).rejects.toThrow(/uses \d+ MB of its 64 MB disk quota: delete files/);

    await host.api.roomContainer.openTerminal({ cols: 80, rows: 24 });
    expect(heard[1]).toMatchObject({ quotaMb: 64, stopped: false });

    // Runs go in again at once after the files are deleted (the refusal measures again).
    await shIn(docker, container, 'rm /workspace/big');
    const output: string[] = [];
    const done = new Promise<void>((resolve) =>
      host.api.sandbox.onDidRunEvent((event) => {
        if (event.type === 'output') output.push(event.data);
        if (event.type === 'done') resolve();
      }),
    );
    await host.api.sandbox.run({ language: 'python', entry: 'main.py', roomContainer: {} });
    await done;
    expect(output.join('')).toBe('ran\n');
    expect(heard).toHaveLength(2);
  });
});
