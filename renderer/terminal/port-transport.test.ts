import { describe, expect, it } from 'vitest';
import type { PtyPortBridge } from '../../common/pty-port';
import { portTransport, type TerminalTransport } from './port-transport';

type Listener<T> = (event: T) => void;

/** The preload's bridge as the page sees it, with the port's arrival and frames in the test's hands. */
function bridge() {
  const data = new Set<Listener<{ id: string; data: string }>>();
  const replays = new Set<Listener<{ id: string; data: string }>>();
  const connects = new Set<() => void>();
  const sent: string[] = [];
  let ready = false;
  const on = <T>(set: Set<Listener<T>>) => (listener: Listener<T>) => {
    set.add(listener);
    return () => void set.delete(listener);
  };
  const port: PtyPortBridge = {
    ready: () => ready,
    onDidConnect: (listener) => {
      connects.add(listener);
      return () => void connects.delete(listener);
    },
    onDidData: on(data),
    onDidExit: () => () => undefined,
    onDidReplay: on(replays),
    write: (id, text) => void sent.push(`write ${id} ${text}`),
    ack: (id, chars) => void sent.push(`ack ${id} ${chars}`),
    replay: (id) => void sent.push(`replay ${id}`),
  };
  return {
    port,
    sent,
    connect() {
      ready = true;
      for (const l of connects) l();
    },
    output: (id: string, text: string) => data.forEach((l) => l({ id, data: text })),
    replay: (id: string, text: string) => replays.forEach((l) => l({ id, data: text })),
  };
}

const viaHost: TerminalTransport = {
  onData: () => () => undefined,
  attach: () => () => undefined,
  onExit: () => () => undefined,
  write: () => Promise.resolve(),
  resize: () => Promise.resolve(),
  ack: () => Promise.resolve(),
  connected: () => Promise.resolve(),
};

describe('portTransport', () => {
  it('gives a view that opened before the window had its port (a reload) the output it missed, once the port comes', () => {
    const b = bridge();
    const transport = portTransport(b.port, viaHost);
    const drawn: string[] = [];
    transport.attach('t1', (text, counted) => drawn.push(`${counted ? 'live' : 'replay'}:${text}`));
    expect(b.sent).toEqual([]);

    b.connect();
    expect(b.sent).toEqual(['replay t1']);
    // Output between the request and its answer is in the answer: not drawn twice.
    b.output('t1', 'later');
    b.replay('t1', '$ before-42\r\n$ ');
    b.output('t1', 'echo');
    expect(drawn).toEqual(['replay:$ before-42\r\n$ ', 'live:echo']);
  });

  it('asks at once when the port is there, and only once per view across later ports', () => {
    const b = bridge();
    const transport = portTransport(b.port, viaHost);
    b.connect();
    const drawn: string[] = [];
    transport.attach('t2', (text) => drawn.push(text));
    expect(b.sent).toEqual(['replay t2']);
    b.replay('t2', 'screen');
    // A pty host restart hands the window a new port: a live view does not ask again.
    b.connect();
    expect(b.sent).toEqual(['replay t2']);
    b.output('t2', 'more');
    expect(drawn).toEqual(['screen', 'more']);
  });

  it('asks again when a new port comes before the answer (the request went with the old port)', () => {
    const b = bridge();
    const transport = portTransport(b.port, viaHost);
    b.connect();
    const drawn: string[] = [];
    transport.attach('t3', (text) => drawn.push(text));
    b.connect();
    expect(b.sent).toEqual(['replay t3', 'replay t3']);
    b.replay('t3', 'screen');
    b.replay('t3', 'screen');
    expect(drawn).toEqual(['screen']);
  });

  it('sends keystrokes through main until the port comes, then through the port', async () => {
    const b = bridge();
    const viaMain: string[] = [];
    const transport = portTransport(b.port, { ...viaHost, write: (id, text) => Promise.resolve(void viaMain.push(`${id} ${text}`)) });
    await transport.write('t1', 'a');
    b.connect();
    await transport.write('t1', 'b');
    expect(viaMain).toEqual(['t1 a']);
    expect(b.sent).toEqual(['write t1 b']);
  });
});
