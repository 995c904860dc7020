// The one place that says how a sandbox container is made. Every container gets every flag:
// no network, read-only root, size-capped tmpfs (exec, for compiled binaries) for work and temp
// files, a non-root user, no capabilities, no-new-privileges, an init process, pids, memory
// without swap, CPU, open-file and file-size limits, and no logs. Nothing from the host is
// mounted, and never the Docker socket. Room containers (main/room-container) are made with the
// same hardening (hardenedContainerOptions), so a flag added here reaches both.
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

/** What a hardened container may still vary: its user, limits, and (room containers only) a network. */
export interface Hardening extends ContainerLimits {
  /** A non-root uid:gid. */
  user: string;
  cpus: number;
  maxOpenFiles: number;
  maxFileSizeBytes: number;
  /** Docker's network for a container the user chose to connect; none by default. */
  network?: string;
}

/**
 * The user, network and HostConfig flags every container this app makes carries. Callers add
 * their own mounts, tmpfs and restart policy to the HostConfig, never remove one of these.
 */
export function hardenedContainerOptions(hardening: Hardening): Required<Pick<Docker.ContainerCreateOptions, 'User' | 'NetworkDisabled'>> & {
  HostConfig: Docker.HostConfig;
} {
  const memory = hardening.memoryMb * 1024 * 1024;
  return {
    User: hardening.user,
    NetworkDisabled: hardening.network === undefined,
    HostConfig: {
      NetworkMode: hardening.network ?? 'none',
      ReadonlyRootfs: true,
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      Init: true,
      PidsLimit: hardening.pids,
      Memory: memory,
      MemorySwap: memory,
      NanoCpus: hardening.cpus * 1e9,
      Ulimits: [
        { Name: 'nofile', Soft: hardening.maxOpenFiles, Hard: hardening.maxOpenFiles },
        { Name: 'fsize', Soft: hardening.maxFileSizeBytes, Hard: hardening.maxFileSizeBytes },
        { Name: 'core', Soft: 0, Hard: 0 },
      ],
      LogConfig: { Type: 'none', Config: {} },
      IpcMode: 'private',
    },
  };
}

export function sandboxContainerOptions(image: string, limits: ContainerLimits, labels: Record<string, string>): Docker.ContainerCreateOptions {
  const hardened = hardenedContainerOptions({ ...limits, user: SANDBOX_USER, cpus: CPUS, maxOpenFiles: MAX_OPEN_FILES, maxFileSizeBytes: MAX_FILE_SIZE_BYTES });
  return {
    ...hardened,
    Image: image,
    // The container idles until a phase is exec'd into it; docker-init (Init) is PID 1.
    Cmd: ['sleep', 'infinity'],
    WorkingDir: WORK_DIR,
    Env: ['HOME=/work', 'TMPDIR=/tmp', 'LANG=C.UTF-8'],
    Labels: { [LABEL_SANDBOX]: '1', ...labels },
    HostConfig: {
      ...hardened.HostConfig,
      Tmpfs: {
        [WORK_DIR]: `rw,exec,nosuid,nodev,size=${WORK_TMPFS_MB}m,uid=1000,gid=1000,mode=0755`,
        '/tmp': `rw,exec,nosuid,nodev,size=${TEMP_TMPFS_MB}m,mode=1777`,
      },
      AutoRemove: false,
    },
  };
}
