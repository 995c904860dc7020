import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { WindowPorts } from './window-ports';

// Real MessagePorts (Node's, the same API as the MessagePortMain the desktop's pty host holds).

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const { port1, port2 } of channels.splice(0)) {
    port1.close();
    port2.close();
  }
});

function channel(): { host: MessagePort; page: MessagePort; received: unknown[] } {
  const c = new MessageChannel();
  channels.push(c);
  const received: unknown[] = [];
  c.port2.on('message', (message: unknown) => received.push(message));
  return { host: c.port1, page: c.port2, received };
}

const closed = (port: MessagePort) => new Promise<void>((resolve) => port.once('close', () => resolve()));
const delivered = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('WindowPorts', () => {
  it("keeps a reloaded page's new port when the old page's port closes late", async () => {
    const ports = new WindowPorts<MessagePort>();
    const old = channel();
    ports.attach(7, old.host);
    ports.listen(7, old.host);
    const oldClosed = closed(old.host);

    // The page reloads: main hands the window a new port before the old one's close is seen.
    const fresh = channel();
    ports.attach(7, fresh.host);
    ports.listen(7, fresh.host);
    await oldClosed;
    ports.closed(7, old.host);

    ports.broadcast({ type: 'data', id: 't1', data: 'after the reload' });
    await delivered();
    expect(fresh.received).toEqual([{ type: 'data', id: 't1', data: 'after the reload' }]);
    expect(old.received).toEqual([]);
    expect(ports.current(7, old.host)).toBe(false);
  });

  it('sends only to pages that listen, and forgets a window whose port closed', async () => {
    const ports = new WindowPorts<MessagePort>();
    const a = channel();
    const b = channel();
    ports.attach(1, a.host);
    ports.attach(2, b.host);
    ports.listen(2, b.host);
    ports.broadcast('one');
    ports.listen(1, a.host);
    ports.closed(2, b.host);
    ports.broadcast('two');
    await delivered();
    expect(a.received).toEqual(['two']);
    expect(b.received).toEqual(['one']);
  });
});
