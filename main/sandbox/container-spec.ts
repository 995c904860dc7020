// The one place that says how a sandbox container is made. Every container gets every flag:
// no network, read-only root, size-capped tmpfs (exec, for compiled binaries) for work and temp
// files, a non-root user, no capabilities, no-new-privileges, an init process, pids, memory
// without swap, CPU, open-file and file-size limits, and no logs. Nothing from the host is
// mounted, and never the Docker socket.
import type Docker from 'dockerode';

export const LABEL_SANDBOX = 'codecrafter.sandbox';
export const LABEL_OWNER = 'codecrafter.sandbox.owner';
export const LABEL_LANGUAGE = 'codecrafter.sandbox.language';

export const SANDBOX_USER = '1000:1000';
export const WORK_DIR = '/work';
export const BUILD_DIR = '/tmp/cc-build';
export const WORK_TMPFS_MB = 32;
// tmpfs pages count against the memory limit: together they stay below the smallest default.
export const TEMP_TMPFS_MB = 96;
export const MAX_OPEN_FILES = 256;
export const MAX_FILE_SIZE_BYTES = 64 << 20;
export const CPUS = 1;

export interface ContainerLimits {
  memoryMb: number;
  pids: number;
}

export function sandboxContainerOptions(image: string, limits: ContainerLimits, labels: Record<string, string>): Docker.ContainerCreateOptions {
  const memory = limits.memoryMb * 1024 * 1024;
  return {
    Image: image,
    // The container idles until a phase is exec'd into it; docker-init (Init) is PID 1.
    Cmd: ['sleep', 'infinity'],
    User: SANDBOX_USER,
    WorkingDir: WORK_DIR,
    Env: ['HOME=/work', 'TMPDIR=/tmp', 'LANG=C.UTF-8'],
    NetworkDisabled: true,
    Labels: { [LABEL_SANDBOX]: '1', ...labels },
    HostConfig: {
      NetworkMode: 'none',
      ReadonlyRootfs: true,
      Tmpfs: {
        [WORK_DIR]: `rw,exec,nosuid,nodev,size=${WORK_TMPFS_MB}m,uid=1000,gid=1000,mode=0755`,
        '/tmp': `rw,exec,nosuid,nodev,size=${TEMP_TMPFS_MB}m,mode=1777`,
      },
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      Init: true,
      PidsLimit: limits.pids,
      Memory: memory,
      MemorySwap: memory,
      NanoCpus: CPUS * 1e9,
      Ulimits: [
        { Name: 'nofile', Soft: MAX_OPEN_FILES, Hard: MAX_OPEN_FILES },
        { Name: 'fsize', Soft: MAX_FILE_SIZE_BYTES, Hard: MAX_FILE_SIZE_BYTES },
        { Name: 'core', Soft: 0, Hard: 0 },
      ],
      LogConfig: { Type: 'none', Config: {} },
      IpcMode: 'private',
      AutoRemove: false,
    },
  };
}
