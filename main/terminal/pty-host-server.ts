import { startDockerExec } from './docker-exec-process';
import { PtyHostRequestSchema, type PtyHostPort } from './pty-host-protocol';
import { PtySessions } from './pty-sessions';

/**
 * The pty host's side of the wire: every frame is validated, then applied to the ptys. Both
 * process entries (the forked child, Electron's utility process) call this with their port.
 */
export function servePtyHost(port: PtyHostPort): PtySessions {
  const sessions = new PtySessions({
    onData: (id, data) => port.post({ type: 'data', id, data }),
    onExit: (id, exitCode, signal) => port.post(signal === undefined ? { type: 'exit', id, exitCode } : { type: 'exit', id, exitCode, signal }),
  });
  port.onMessage((raw) => {
    const parsed = PtyHostRequestSchema.safeParse(raw);
    if (!parsed.success) {
      port.post({ type: 'rejected', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      return;
    }
    const request = parsed.data;
    try {
      switch (request.type) {
        case 'create': {
          const { requestId, type: _type, ...spec } = request;
          try {
            const pid = sessions.create(spec);
            port.post({ type: 'reply', requestId, ok: true, pid });
          } catch (error) {
            port.post({ type: 'reply', requestId, ok: false, message: error instanceof Error ? error.message : String(error) });
          }
          return;
        }
        case 'create-exec': {
          const { requestId, id, type: _type, ...spec } = request;
          startDockerExec(spec).then(
            (child) => {
              try {
                port.post({ type: 'reply', requestId, ok: true, pid: sessions.adopt(id, child, { cols: spec.cols, rows: spec.rows }) });
              } catch (error) {
                child.kill();
                port.post({ type: 'reply', requestId, ok: false, message: error instanceof Error ? error.message : String(error) });
              }
            },
            (error: unknown) => port.post({ type: 'reply', requestId, ok: false, message: error instanceof Error ? error.message : String(error) }),
          );
          return;
        }
        case 'write':
          return sessions.write(request.id, request.data);
        case 'resize':
          return sessions.resize(request.id, request.cols, request.rows);
        case 'ack':
          return sessions.ack(request.id, request.chars);
        case 'kill':
          return sessions.kill(request.id);
      }
    } catch (error) {
      // A write or resize racing the terminal's exit: main already knows (the exit event is on its way).
      port.post({ type: 'rejected', message: `${request.type} ${request.id}: ${error instanceof Error ? error.message : String(error)}` });
    }
  });
  port.post({ type: 'ready', pid: process.pid });
  return sessions;
}

/**
 * Shells in a room container outlive a dead Docker client (Docker has no exec kill), so they are
 * hung up from inside before the pty host ends (it ends as soon as they are). Each hang-up is two
 * round trips to dockerd, which a loaded machine answered in more than 3 s: up to 10 s.
 */
const EXIT_GRACE_MS = 10_000;

/** How either entry of the pty host ends (main went away, or asked): terminals hung up, then exit. */
export function endPtyHost(sessions: PtySessions, first: () => void = () => {}): () => void {
  let ending = false;
  return () => {
    if (ending) return;
    ending = true;
    first();
    setTimeout(() => process.exit(0), EXIT_GRACE_MS).unref();
    void sessions.dispose().finally(() => process.exit(0));
  };
}
