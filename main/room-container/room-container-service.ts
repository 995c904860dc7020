// Room containers (issue 10 item 3): one persistent container per room, or per open folder for
// solo use. A folder's container is found again by label after an app restart and removed with
// its volumes when the folder's Recent entry is removed. A room's container lives as long as its
// room: when the room ends (Stop sharing, the owner's page closes, the app quits, or the app died
// while hosting and starts again) the container is stopped and removed; its volumes go too,
// unless the host chose Docker volume storage, whose volumes hold the user's files.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type Docker from 'dockerode';
import { ROOM_DISK_QUOTA_MB, type RoomContainerStatus, type RoomStorage } from '../../common/contract-room-container';
import { ErrorCode, HostError } from '../../common/errors';
import { LANGUAGE_IDS, type LanguageId } from '../../common/languages';
import { isWorkspacePath } from '../../common/paths';
import { getLogger } from '../log/log-service';
import { checkArchive, workspaceRelativeArchive } from './archive-check';
import { folderTar } from './folder-archive';
import { ensureRoomImage, planRoomImage } from './room-image';
import {
  ALLOWED_NETWORK,
  LABEL_ROOM,
  LABEL_ROOM_LANGUAGES,
  LABEL_ROOM_OWNER,
  LABEL_ROOM_METER,
  LABEL_ROOM_QUOTA,
  LABEL_ROOM_SCOPE,
  LABEL_ROOM_SCOPE_TEXT,
  LABEL_ROOM_STORAGE,
  ROOM_HOME,
  ROOM_WORKSPACE,
  meterContainerOptions,
  roomContainerOptions,
  type RoomContainerSpec,
} from './room-container-spec';

const log = getLogger('room-container');

/** A measure of a room's disk that takes longer is ended (and counts as failed). */
const METER_TIMEOUT_MS = 120_000;

export interface CreateRoomContainer {
  languages: LanguageId[];
  storage: RoomStorage;
  network?: boolean;
  quotaMb?: number;
  /** For "synced": the folder whose files are copied in. */
  folder?: string;
  /** For "archive": an archive file made by exportArchive. */
  archiveFile?: string;
}

function hashScope(scope: string): string {
  return createHash('sha256').update(scope).digest('hex').slice(0, 24);
}

/** A room's scope, as opposed to an open folder's ("folder:/abs/path"). */
export function roomScope(roomId: string): string {
  return `room:${roomId}`;
}

const isRoomScope = (scope: string) => scope.startsWith(roomScope(''));

/** Whether the process a LABEL_ROOM_OWNER names (`host:pid:instance`) has ended on this machine. */
function ownerGone(owner: string): boolean {
  const [host, pid] = owner.split(':');
  // Another machine's (a shared DOCKER_HOST) or an unreadable label: not ours to judge.
  if (host !== os.hostname() || !/^[0-9]+$/.test(pid ?? '')) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function dockerProblem(error: unknown): HostError {
  const e = error as NodeJS.ErrnoException & { statusCode?: number; json?: { message?: string } };
  if (e.code === 'ENOENT' || e.code === 'ECONNREFUSED' || e.code === 'EACCES') {
    return new HostError(ErrorCode.Unavailable, 'Docker is not running, so the room container cannot be reached: start Docker and try again.');
  }
  return new HostError(ErrorCode.Internal, `Docker refused: ${e.json?.message ?? e.message}`);
}

/** A running room container, as the quota watch and live sync see it. */
export interface RunningRoomContainer {
  id: string;
  scope: string;
  quotaMb: number;
  storage: RoomStorage;
}

export class RoomContainerService {
  /** Containers whose last measure failed (logged once until one succeeds). */
  private readonly measureFailing = new Set<string>();

  constructor(
    private readonly docker: Docker,
    private readonly archivesDir: string,
    /** This app process, on the room containers it makes (LABEL_ROOM_OWNER). */
    private readonly owner = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
  ) {}

  archivePath(name: string): string {
    return path.join(this.archivesDir, `${name}.tar`);
  }

  /** The container of a scope ("folder:/abs/path" or "room:<id>"), running or not. */
  async find(scope: string): Promise<Docker.ContainerInfo | undefined> {
    try {
      const found = await this.docker.listContainers({ all: true, filters: { label: [`${LABEL_ROOM_SCOPE}=${hashScope(scope)}`] } });
      return found[0];
    } catch (error) {
      throw dockerProblem(error);
    }
  }

  async status(scope: string): Promise<RoomContainerStatus> {
    const info = await this.find(scope);
    if (!info) return { exists: false, running: false, scope, languages: [], storage: 'volume', network: false, quotaMb: ROOM_DISK_QUOTA_MB.default, usedMb: null, image: null };
    const running = info.State === 'running';
    const languages = (info.Labels[LABEL_ROOM_LANGUAGES] ?? '').split(',').filter((l): l is LanguageId => (LANGUAGE_IDS as readonly string[]).includes(l));
    return {
      exists: true,
      running,
      scope,
      languages,
      storage: (info.Labels[LABEL_ROOM_STORAGE] as RoomStorage | undefined) ?? 'volume',
      network: info.HostConfig.NetworkMode !== 'none',
      quotaMb: quotaMbOf(info),
      usedMb: running ? await this.usedMb(info.Id) : null,
      image: info.Image,
    };
  }

  /**
   * The container a run of this scope goes into: its id (a stopped one is started first), or
   * undefined when the scope has none, or when Docker cannot be reached (the run's own sandbox
   * then says so, rather than a refusal about a container the user may never have made). No disk
   * check here (a `du` per run would cost seconds): the quota watch's last measure refuses runs
   * while the container is over its quota.
   */
  async runContainer(scope: string): Promise<string | undefined> {
    let info: Docker.ContainerInfo | undefined;
    try {
      info = await this.find(scope);
    } catch (error) {
      if (error instanceof HostError && error.code === ErrorCode.Unavailable) return undefined;
      throw error;
    }
    return info && this.started(info);
  }

  /**
   * The running container's id (for a terminal, a copy, an export); starts a stopped one; clear
   * errors otherwise. The disk quota is not checked here: a container over it must still open a
   * terminal (to delete files) and export its files (quota-watch.ts enforces it).
   */
  async runningId(scope: string): Promise<string> {
    const info = await this.find(scope);
    if (!info) throw new HostError(ErrorCode.NotFound, "This room has no container yet: make one with the terminal panel's Container button first.");
    return this.started(info);
  }

  /** Starts a stopped room container; its id. */
  private async started(info: Docker.ContainerInfo): Promise<string> {
    if (info.State !== 'running') {
      await this.docker
        .getContainer(info.Id)
        .start()
        .catch((error: unknown) => Promise.reject(dockerProblem(error)));
    }
    return info.Id;
  }

  /**
   * Every running room container on this Docker, for the quota watch: one left running by an
   * earlier run of the app (a folder's outlives it) may still have programs writing.
   */
  async runningRoomContainers(): Promise<RunningRoomContainer[]> {
    let found: Docker.ContainerInfo[];
    try {
      found = await this.docker.listContainers({ filters: { label: [LABEL_ROOM], status: ['running'] } });
    } catch (error) {
      throw dockerProblem(error);
    }
    return found.map((info) => ({
      id: info.Id,
      scope: info.Labels[LABEL_ROOM_SCOPE_TEXT] ?? info.Labels[LABEL_ROOM_SCOPE] ?? info.Id,
      quotaMb: quotaMbOf(info),
      storage: (info.Labels[LABEL_ROOM_STORAGE] as RoomStorage | undefined) ?? 'volume',
    }));
  }

  /** Ends every program in the container (terminals, runs) and keeps its files: a restart. */
  async stopPrograms(id: string): Promise<void> {
    await this.docker
      .getContainer(id)
      .restart({ t: 0 })
      .catch((error: unknown) => Promise.reject(dockerProblem(error)));
  }

  async create(scope: string, options: CreateRoomContainer, progress: (message: string) => void): Promise<RoomContainerStatus> {
    if (await this.find(scope)) return this.status(scope);
    const quotaMb = options.quotaMb ?? ROOM_DISK_QUOTA_MB.default;
    let seed: { tar: Buffer | string; files: number } | undefined;
    // Checked before anything is made, so a bad archive or an oversize folder leaves nothing behind.
    if (options.storage === 'synced') {
      if (!options.folder) throw new HostError(ErrorCode.InvalidArgument, 'Synced storage copies the open folder: open a folder first.');
      seed = await folderTar(options.folder, quotaMb * 2 ** 20).catch((error: unknown) => Promise.reject(new HostError(ErrorCode.InvalidArgument, (error as Error).message)));
    } else if (options.storage === 'archive' && options.archiveFile) {
      seed = { tar: options.archiveFile, files: await this.checkedArchive(options.archiveFile, quotaMb) };
    }
    if (options.network) await this.checkNetworkAvailable();
    const plan = await planRoomImage(this.docker, options.languages).catch((error: unknown) => Promise.reject(new HostError(ErrorCode.Unavailable, (error as Error).message)));
    const image = await ensureRoomImage(this.docker, plan, progress);
    const scopeHash = hashScope(scope);
    const spec: RoomContainerSpec = {
      name: `codecrafter-room-${scopeHash}`,
      image,
      scopeHash,
      scope,
      languages: options.languages,
      storage: options.storage,
      quotaMb,
      network: options.network ?? false,
      workspaceVolume: `codecrafter-room-${scopeHash}-workspace`,
      homeVolume: `codecrafter-room-${scopeHash}-home`,
      ...(isRoomScope(scope) ? { owner: this.owner } : {}),
    };
    try {
      // Volumes kept from an earlier container of this scope (Docker volume storage) are taken as they are.
      for (const volume of [spec.workspaceVolume, spec.homeVolume]) {
        await this.docker.createVolume({ Name: volume, Labels: { [LABEL_ROOM]: '1', [LABEL_ROOM_SCOPE]: scopeHash, [LABEL_ROOM_SCOPE_TEXT]: scope.slice(0, 4096) } });
      }
      await this.startContainer(spec);
    } catch (error) {
      if (error instanceof HostError) throw error;
      throw dockerProblem(error);
    }
    // The folder as it is now, not as it was before the image build (minutes, maybe): what
    // changed meanwhile was not synced live, as no container ran yet.
    if (seed && options.storage === 'synced' && options.folder) {
      seed = await folderTar(options.folder, quotaMb * 2 ** 20).catch((error: unknown) => Promise.reject(new HostError(ErrorCode.InvalidArgument, (error as Error).message)));
    }
    if (seed) {
      progress(`copying ${seed.files} file(s) into the room container`);
      await this.putWorkspace(scope, seed.tar);
    }
    log.info({ scope, image, storage: options.storage, languages: options.languages }, 'room container created');
    return this.status(scope);
  }

  /**
   * Refuses to promise a network Docker cannot give: with dockerd started with --bridge=none there
   * is no "bridge" network, and Docker still accepts NetworkMode "bridge" — the container then
   * gets only a loopback interface, so the switch would say "on" while nothing is reachable.
   */
  private async checkNetworkAvailable(): Promise<void> {
    const networks = await this.docker.listNetworks().catch((error: unknown) => Promise.reject(dockerProblem(error)));
    if (!networks.some((n) => n.Name === ALLOWED_NETWORK)) {
      throw new HostError(
        ErrorCode.Unavailable,
        `Docker has no "${ALLOWED_NETWORK}" network (dockerd runs with --bridge=none), so the room container cannot be given a network here. It stays offline.`,
      );
    }
  }

  private async startContainer(spec: RoomContainerSpec): Promise<void> {
    const container = await this.docker.createContainer(roomContainerOptions(spec));
    await container.start();
  }

  /** The visible network switch: the container is recreated (its volumes, so every file, stay). */
  async setNetwork(scope: string, allowed: boolean): Promise<RoomContainerStatus> {
    const info = await this.find(scope);
    if (!info) throw new HostError(ErrorCode.NotFound, 'This room has no container yet.');
    if ((info.HostConfig.NetworkMode !== 'none') === allowed) return this.status(scope);
    if (allowed) await this.checkNetworkAvailable();
    const inspected = await this.docker.getContainer(info.Id).inspect();
    const mounts = inspected.Mounts.filter((m) => m.Type === 'volume');
    const volumeAt = (target: string) => mounts.find((m) => m.Destination === target)?.Name ?? '';
    const spec: RoomContainerSpec = {
      name: inspected.Name.replace(/^\//, ''),
      image: inspected.Config.Image,
      scopeHash: info.Labels[LABEL_ROOM_SCOPE] ?? hashScope(scope),
      scope,
      languages: (info.Labels[LABEL_ROOM_LANGUAGES] ?? '').split(',').filter(Boolean),
      storage: info.Labels[LABEL_ROOM_STORAGE] ?? 'volume',
      quotaMb: quotaMbOf(info),
      network: allowed,
      workspaceVolume: volumeAt(ROOM_WORKSPACE),
      homeVolume: volumeAt(ROOM_HOME),
      ...(info.Labels[LABEL_ROOM_OWNER] ? { owner: info.Labels[LABEL_ROOM_OWNER] } : {}),
    };
    await this.docker.getContainer(info.Id).remove({ force: true }).catch((error: unknown) => Promise.reject(dockerProblem(error)));
    try {
      await this.startContainer(spec);
    } catch (error) {
      // Put the offline container back, so a refused switch costs nothing.
      await this.startContainer({ ...spec, network: !allowed }).catch((again: unknown) => log.error({ err: again, scope }, 'could not recreate the room container after a refused network switch'));
      if (error instanceof HostError) throw error;
      throw dockerProblem(error);
    }
    log.info({ scope, network: allowed }, 'room container network switched');
    return this.status(scope);
  }

  async sync(scope: string, folder: string): Promise<{ files: number }> {
    const status = await this.status(scope);
    if (!status.exists) throw new HostError(ErrorCode.NotFound, 'This room has no container yet.');
    const { tar, files } = await folderTar(folder, status.quotaMb * 2 ** 20).catch((error: unknown) => Promise.reject(new HostError(ErrorCode.InvalidArgument, (error as Error).message)));
    await this.putWorkspace(scope, tar);
    return { files };
  }

  async exportArchive(scope: string, name: string): Promise<{ path: string; bytes: number }> {
    const id = await this.runningId(scope);
    mkdirSync(this.archivesDir, { recursive: true, mode: 0o700 });
    const file = this.archivePath(name);
    const stream = await this.docker.getContainer(id).getArchive({ path: ROOM_WORKSPACE });
    await pipeline(stream, createWriteStream(file, { mode: 0o600 }));
    return { path: file, bytes: statSync(file).size };
  }

  async importArchive(scope: string, name: string): Promise<{ files: number }> {
    const status = await this.status(scope);
    if (!status.exists) throw new HostError(ErrorCode.NotFound, 'This room has no container yet.');
    const file = this.archivePath(name);
    const files = await this.checkedArchive(file, status.quotaMb);
    await this.putWorkspace(scope, file);
    return { files };
  }

  private async checkedArchive(file: string, quotaMb: number): Promise<number> {
    try {
      statSync(file);
    } catch {
      throw new HostError(ErrorCode.NotFound, `No archive at ${file}: export one first.`);
    }
    return checkArchive(file, quotaMb * 2 ** 20).catch((error: unknown) => Promise.reject(new HostError(ErrorCode.InvalidArgument, (error as Error).message)));
  }

  /** Changed files (a tar of workspace paths) into a running container's /workspace. */
  async putFiles(id: string, tar: Buffer): Promise<void> {
    await this.docker.getContainer(id).putArchive(Readable.from([tar]), { path: ROOM_WORKSPACE, noOverwriteDirNonDir: 'true' }).catch((error: unknown) => Promise.reject(dockerProblem(error)));
  }

  /** Deleted workspace paths out of a running container's /workspace, as its own user. */
  async removeWorkspacePaths(id: string, paths: string[]): Promise<void> {
    const bad = paths.find((p) => !isWorkspacePath(p));
    if (bad !== undefined) throw new HostError(ErrorCode.InvalidArgument, `Not a workspace path: ${JSON.stringify(bad)}`);
    // No shell: each path is one argument after `--`.
    const { output, exitCode } = await this.execChecked(id, ['rm', '-rf', '--', ...paths.map((p) => `${ROOM_WORKSPACE}/${p}`)]);
    if (exitCode !== 0) throw new Error(`rm in the room container exited with ${exitCode}: ${output.trim().slice(0, 500)}`);
  }

  /** A tar (in memory, or an archive file of entries under workspace/) into /workspace. */
  private async putWorkspace(scope: string, tar: Buffer | string): Promise<void> {
    const id = await this.runningId(scope);
    const body = typeof tar === 'string' ? workspaceRelativeArchive(tar) : Readable.from([tar]);
    await this.docker.getContainer(id).putArchive(body, { path: ROOM_WORKSPACE, noOverwriteDirNonDir: 'true' }).catch((error: unknown) => Promise.reject(dockerProblem(error)));
  }

  /** Disk used by the workspace and home volumes, in MB (meterContainerOptions says how), or null. */
  async usedMb(id: string): Promise<number | null> {
    try {
      const used = await this.measure(id);
      if (this.measureFailing.delete(id)) log.info({ containerId: id }, 'a room container disk use is measured again');
      return used;
    } catch (error) {
      // Once per run of failures, not at every check.
      if (!this.measureFailing.has(id)) log.warn({ err: error, containerId: id }, 'could not measure a room container disk use');
      this.measureFailing.add(id);
      return null;
    }
  }

  private async measure(id: string): Promise<number> {
    const inspected = await this.docker.getContainer(id).inspect();
    const volume = (target: string) => inspected.Mounts.find((m) => m.Destination === target && m.Type === 'volume')?.Name;
    const workspace = volume(ROOM_WORKSPACE);
    const home = volume(ROOM_HOME);
    if (!workspace || !home) throw new Error('the container has no workspace and home volumes');
    const meter = await this.docker.createContainer(meterContainerOptions(inspected.Image, inspected.Config.Labels[LABEL_ROOM_SCOPE] ?? '', workspace, home));
    const timer = setTimeout(() => void meter.kill().catch(() => {}), METER_TIMEOUT_MS);
    try {
      const stream = await meter.attach({ stream: true, stdout: true, stderr: true });
      const out = new PassThrough();
      const err = new PassThrough();
      const chunks: Buffer[] = [];
      const errors: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      err.on('data', (c: Buffer) => errors.push(c));
      this.docker.modem.demuxStream(stream, out, err);
      const ended = new Promise<void>((resolve, reject) => (stream.on('end', resolve), stream.on('close', resolve), stream.on('error', reject)));
      await meter.start();
      const { StatusCode } = (await meter.wait()) as { StatusCode: number };
      await ended;
      // du exits 1 when a file vanishes under it (a build, or a loop made to fail it), yet prints
      // both totals: those count. Without both, the measure failed.
      const totals = Buffer.concat(chunks)
        .toString()
        .split('\n')
        .filter((line) => /^\d+\t\/meter\/(workspace|home)$/.test(line));
      if (totals.length !== 2) throw new Error(`du exited with ${StatusCode}: ${Buffer.concat(errors).toString().trim().slice(0, 300)}`);
      return Math.ceil(totals.reduce((sum, line) => sum + Number(line.split('\t')[0]), 0) / 1024);
    } finally {
      clearTimeout(timer);
      await meter.remove({ force: true }).catch((error: unknown) => log.warn({ err: error, containerId: id }, 'could not remove the container that measured a room container'));
    }
  }

  /** Runs `cmd` in the container as its user; its output (stdout and stderr) and exit code. */
  private async execChecked(id: string, cmd: string[]): Promise<{ output: string; exitCode: number | null }> {
    const exec = await this.docker.getContainer(id).exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
    const stream = await exec.start({ hijack: true, stdin: false });
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    this.docker.modem.demuxStream(stream, out, out);
    await new Promise<void>((resolve, reject) => (stream.on('end', resolve), stream.on('close', resolve), stream.on('error', reject)));
    const { ExitCode } = await exec.inspect();
    return { output: Buffer.concat(chunks).toString('utf8'), exitCode: ExitCode };
  }

  /** Removes the container and both volumes; false when there was none. */
  async remove(scope: string): Promise<boolean> {
    const info = await this.find(scope);
    try {
      if (info) await this.docker.getContainer(info.Id).remove({ force: true });
      await this.removeVolumes(hashScope(scope));
    } catch (error) {
      throw dockerProblem(error);
    }
    if (info) log.info({ scope }, 'room container removed');
    return !!info;
  }

  /** The room this process hosts ended (Stop sharing, its owner's page closed, the app quits). */
  endOwnedRooms(): Promise<number> {
    return this.endRooms((owner) => owner === this.owner);
  }

  /** At the app's start: the rooms of an app that died while hosting ended with it. */
  reapEndedRooms(): Promise<number> {
    return this.endRooms(ownerGone);
  }

  /** Ends the room containers whose owner `ended` says so; returns how many were removed. */
  private async endRooms(ended: (owner: string) => boolean): Promise<number> {
    let rooms: Docker.ContainerInfo[];
    try {
      rooms = await this.docker.listContainers({ all: true, filters: { label: [LABEL_ROOM_OWNER] } });
    } catch (error) {
      throw dockerProblem(error);
    }
    let removed = 0;
    for (const info of rooms.filter((c) => ended(c.Labels[LABEL_ROOM_OWNER] ?? ''))) {
      try {
        await this.endRoomContainer(info);
        removed += 1;
      } catch (error) {
        log.error({ err: error, containerId: info.Id, scope: info.Labels[LABEL_ROOM_SCOPE_TEXT] }, 'could not remove the container of a room that ended');
      }
    }
    return removed;
  }

  /**
   * A room ended for good: its container is stopped and removed, and the terminals in it end.
   * With Docker volume storage the volumes stay (they hold the user's files; a container made
   * again for the room takes them); copied storage is a copy of the folder or archive it was made
   * from, which stays where it is, so its volumes go.
   */
  private async endRoomContainer(info: Docker.ContainerInfo): Promise<void> {
    const keepVolumes = info.Labels[LABEL_ROOM_STORAGE] === 'volume';
    await this.docker.getContainer(info.Id).remove({ force: true });
    const scopeHash = info.Labels[LABEL_ROOM_SCOPE];
    if (!keepVolumes && scopeHash) await this.removeVolumes(scopeHash);
    log.info({ scope: info.Labels[LABEL_ROOM_SCOPE_TEXT], keptVolumes: keepVolumes }, 'the room ended: its container was removed');
  }

  private async removeVolumes(scopeHash: string): Promise<void> {
    // A meter left by an app that died while measuring would hold the volumes.
    for (const meter of await this.docker.listContainers({ all: true, filters: { label: [`${LABEL_ROOM_METER}=${scopeHash}`] } })) {
      await this.docker.getContainer(meter.Id).remove({ force: true });
    }
    const { Volumes } = await this.docker.listVolumes({ filters: { label: [`${LABEL_ROOM_SCOPE}=${scopeHash}`] } });
    for (const volume of Volumes ?? []) await this.docker.getVolume(volume.Name).remove();
  }
}


/** A container's disk quota, from its label. */
function quotaMbOf(info: Docker.ContainerInfo): number {
  return Number(info.Labels[LABEL_ROOM_QUOTA]) || ROOM_DISK_QUOTA_MB.default;
}
