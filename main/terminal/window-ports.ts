// The desktop pty host's ports to windows (main/electron/pty-host-utility.ts): one per window, the
// newest. A window's page that reloads asks main for a new port (common/pty-port.ts), so a window
// can hold an old port and a new one for a moment; the old one's late `close` must not take the
// new one's output away, and output goes only to ports whose page said it listens (an unread port
// would queue a flood without bound).

/** What the registry needs of a port: Electron's MessagePortMain and Node's MessagePort both fit. */
export interface WindowPort {
  postMessage(message: unknown): void;
  close(): void;
}

export class WindowPorts<P extends WindowPort = WindowPort> {
  private readonly attached = new Map<number, { port: P; listening: boolean }>();

  /** A new port for window `windowId`: it replaces (and closes) the port the window had. */
  attach(windowId: number, port: P): void {
    const previous = this.attached.get(windowId);
    this.attached.set(windowId, { port, listening: false });
    if (previous && previous.port !== port) previous.port.close();
  }

  /** The page on `port` listens: output goes to it from now on, if it is still its window's port. */
  listen(windowId: number, port: P): void {
    const entry = this.attached.get(windowId);
    if (entry?.port === port) entry.listening = true;
  }

  /** `port` closed (its page is gone): forgotten, unless its window has a newer one. */
  closed(windowId: number, port: P): void {
    if (this.attached.get(windowId)?.port === port) this.attached.delete(windowId);
  }

  /** Whether `port` is its window's current port (frames from a replaced port are not served). */
  current(windowId: number, port: P): boolean {
    return this.attached.get(windowId)?.port === port;
  }

  broadcast(message: unknown): void {
    for (const entry of this.attached.values()) if (entry.listening) entry.port.postMessage(message);
  }
}
