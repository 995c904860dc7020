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
                port.post({ type: 'reply', requestId, ok: true, pid: sessions.adopt(id, child) });
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
