// How a room container is made (issue 10 item 3): the limits of a sandbox run (non-root, no
// capabilities, no-new-privileges, read-only root, pids, memory without swap, CPU, open files,
// file size, an init, no logs) on a container that lives as long as its room. What differs from
// a run: the workspace and the home are Docker volumes (they outlive the container, so switching
// the network recreates it without losing a file), it restarts with dockerd, and the network is
// the host's choice — off by default. The hardening itself is the sandbox's (one builder for both).
import type Docker from 'dockerode';
import { hardenedContainerOptions } from '../sandbox/container-spec';

// Not the sandbox label: the run pool reaps sandbox containers whose owning process ended, and a
// room container must outlive the app.
export const LABEL_ROOM = 'codecrafter.room-container';
/** sha256 of the scope (a folder path or a room id), so it is found again by label after a restart. */
export const LABEL_ROOM_SCOPE = 'codecrafter.room-container.scope-hash';
export const LABEL_ROOM_SCOPE_TEXT = 'codecrafter.room-container.scope';
export const LABEL_ROOM_LANGUAGES = 'codecrafter.room-container.languages';
export const LABEL_ROOM_STORAGE = 'codecrafter.room-container.storage';
export const LABEL_ROOM_QUOTA = 'codecrafter.room-container.quota-mb';
/**
 * On a room's container (never a folder's): the app process hosting the room, `host:pid:instance`.
 * The container ends with its room; one whose process is gone was left by an app that died while
 * hosting, and is removed at the next start.
 */
export const LABEL_ROOM_OWNER = 'codecrafter.room-container.owner';

export const ROOM_USER = '1000:1000';
export const ROOM_WORKSPACE = '/workspace';
export const ROOM_HOME = '/home/runner';
export const ROOM_MEMORY_MB = 1024;
export const ROOM_PIDS = 512;
export const ROOM_CPUS = 1;
export const ROOM_TMP_MB = 256;
/** On the short-lived container that measures a room's volumes (its value: the room's scope hash). */
export const LABEL_ROOM_METER = 'codecrafter.room-meter';
/** Where the meter sees the room's two volumes. */
export const METER_WORKSPACE = '/meter/workspace';
export const METER_HOME = '/meter/home';
const MAX_OPEN_FILES = 1024;
/** Per file: a language toolchain or a wheel can be large, a runaway log cannot fill the disk in one go. */
const MAX_FILE_SIZE_BYTES = 512 << 20;

/** Docker's default network; dockerd started with --bridge=none has none (then networking cannot be allowed). */
export const ALLOWED_NETWORK = 'bridge';

export interface RoomContainerSpec {
  name: string;
  image: string;
  scopeHash: string;
  scope: string;
  languages: string[];
  storage: string;
  quotaMb: number;
  network: boolean;
  workspaceVolume: string;
  homeVolume: string;
  /** A room's container: the process hosting the room (LABEL_ROOM_OWNER). */
  owner?: string;
}

export function roomContainerOptions(spec: RoomContainerSpec): Docker.ContainerCreateOptions {
  const hardened = hardenedContainerOptions({
    user: ROOM_USER,
    memoryMb: ROOM_MEMORY_MB,
    pids: ROOM_PIDS,
    cpus: ROOM_CPUS,
    maxOpenFiles: MAX_OPEN_FILES,
    maxFileSizeBytes: MAX_FILE_SIZE_BYTES,
    ...(spec.network ? { network: ALLOWED_NETWORK } : {}),
  });
  return {
    ...hardened,
    name: spec.name,
    Image: spec.image,
    Cmd: ['sleep', 'infinity'],
    WorkingDir: ROOM_WORKSPACE,
    Env: [`HOME=${ROOM_HOME}`, 'TMPDIR=/tmp', 'LANG=C.UTF-8', 'TERM=xterm-256color'],
    Labels: {
      [LABEL_ROOM]: '1',
      [LABEL_ROOM_SCOPE]: spec.scopeHash,
      [LABEL_ROOM_SCOPE_TEXT]: spec.scope.slice(0, 4096),
      [LABEL_ROOM_LANGUAGES]: spec.languages.join(','),
      [LABEL_ROOM_STORAGE]: spec.storage,
      [LABEL_ROOM_QUOTA]: String(spec.quotaMb),
      ...(spec.owner ? { [LABEL_ROOM_OWNER]: spec.owner } : {}),
    },
    HostConfig: {
      ...hardened.HostConfig,
      Mounts: [
        { Type: 'volume', Source: spec.workspaceVolume, Target: ROOM_WORKSPACE },
        { Type: 'volume', Source: spec.homeVolume, Target: ROOM_HOME },
      ],
      Tmpfs: { '/tmp': `rw,exec,nosuid,nodev,size=${ROOM_TMP_MB}m,mode=1777` },
      // Back after a reboot or a dockerd restart, as long as the room has not removed it.
      RestartPolicy: { Name: 'unless-stopped' },
    },
  };
}

/**
 * The container that measures a room's disk use. `du` in the room container itself runs as the
 * room's user, who can hide files from it (a folder made unreadable: 50 MB measured as 0), and a
 * privileged exec is refused under no-new-privileges. So the two volumes are mounted read-only
 * into a container of its own, run as root with one capability, DAC_READ_SEARCH (read any
 * folder), no network, and nothing else of the room's: it runs `/usr/bin/du` of the read-only
 * image and ends (about a quarter of a second here).
 */
export function meterContainerOptions(image: string, scopeHash: string, workspaceVolume: string, homeVolume: string): Docker.ContainerCreateOptions {
  const hardened = hardenedContainerOptions({ user: '0:0', memoryMb: 128, pids: 16, cpus: 1, maxOpenFiles: 256, maxFileSizeBytes: 0 });
  return {
    ...hardened,
    Image: image,
    Entrypoint: ['/usr/bin/du'],
    Cmd: ['-skx', METER_WORKSPACE, METER_HOME],
    Env: ['LANG=C.UTF-8'],
    Labels: { [LABEL_ROOM_METER]: scopeHash },
    AttachStdout: true,
    AttachStderr: true,
    HostConfig: {
      ...hardened.HostConfig,
      CapAdd: ['DAC_READ_SEARCH'],
      Mounts: [
        { Type: 'volume', Source: workspaceVolume, Target: METER_WORKSPACE, ReadOnly: true },
        { Type: 'volume', Source: homeVolume, Target: METER_HOME, ReadOnly: true },
      ],
    },
  };
}
