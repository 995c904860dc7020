// One Docker client for the sandbox. dockerode reads DOCKER_HOST (and DOCKER_TLS_VERIFY,
// DOCKER_CERT_PATH) itself, so a remote engine needs no code here.
import Docker from 'dockerode';

export function connectDocker(): Docker {
  return new Docker();
}

export type DockerState = { docker: 'ok' | 'missing' | 'error'; message?: string };

/** Whether the engine answers; "missing" when nothing listens, with what to do next. */
export async function dockerState(docker: Docker): Promise<DockerState> {
  try {
    await docker.ping();
    return { docker: 'ok' };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ENOENT' || e.code === 'ECONNREFUSED' || e.code === 'EACCES') {
      const where = process.env.DOCKER_HOST ?? '/var/run/docker.sock';
      return {
        docker: e.code === 'EACCES' ? 'error' : 'missing',
        message:
          e.code === 'EACCES'
            ? `no permission to use Docker at ${where}; add your user to the "docker" group`
            : `Docker is not running (nothing answers at ${where}); install and start Docker, or allow unsandboxed runs`,
      };
    }
    return { docker: 'error', message: `Docker did not answer: ${e.message}` };
  }
}
