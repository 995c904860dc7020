import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { sandboxContainerOptions } from '../sandbox/container-spec';
import { roomContainerOptions, type RoomContainerSpec } from './room-container-spec';

// Both kinds of container the app makes (a run's sandbox and a room's container) are built from
// one hardened builder (main/sandbox/container-spec.ts). This list is written out here, not taken
// from the builder, so a flag dropped from it (or overridden by one caller) fails here.

const room: RoomContainerSpec = {
  name: 'codecrafter-room-test',
  image: 'codecrafter-sandbox/room:test',
  scopeHash: 'h',
  scope: 'room:test',
  languages: ['python'],
  storage: 'volume',
  quotaMb: 512,
  network: false,
  workspaceVolume: 'w',
  homeVolume: 'h',
};

function expectHardened(options: Docker.ContainerCreateOptions, network: 'none' | 'bridge' = 'none'): void {
  const host = options.HostConfig!;
  expect(options.User).toMatch(/^[1-9][0-9]*:[1-9][0-9]*$/);
  expect(options.NetworkDisabled).toBe(network === 'none');
  expect(host.NetworkMode).toBe(network);
  expect(host.ReadonlyRootfs).toBe(true);
  expect(host.CapDrop).toEqual(['ALL']);
  expect(host.CapAdd ?? []).toEqual([]);
  expect(host.Privileged ?? false).toBe(false);
  expect(host.SecurityOpt).toContain('no-new-privileges');
  expect(host.Init).toBe(true);
  expect(host.PidsLimit).toBeGreaterThan(0);
  expect(host.Memory).toBeGreaterThan(0);
  // No swap beyond the memory limit.
  expect(host.MemorySwap).toBe(host.Memory);
  expect(host.NanoCpus).toBeGreaterThan(0);
  const ulimit = (name: string) => host.Ulimits?.find((u) => u.Name === name);
  expect(ulimit('nofile')?.Hard).toBeGreaterThan(0);
  expect(ulimit('fsize')?.Hard).toBeGreaterThan(0);
  expect(ulimit('core')).toEqual({ Name: 'core', Soft: 0, Hard: 0 });
  expect(host.LogConfig?.Type).toBe('none');
  expect(host.IpcMode).toBe('private');
  // Nothing of the host's file system, and never the Docker socket.
  expect(host.Binds ?? []).toEqual([]);
  expect((host.Mounts ?? []).every((m) => m.Type === 'volume')).toBe(true);
  expect(JSON.stringify(options)).not.toContain('docker.sock');
}

describe('hardened containers', () => {
  it('a sandbox run carries every hardening flag', () => {
    expectHardened(sandboxContainerOptions('codecrafter-sandbox/python:x', { memoryMb: 256, pids: 64 }, {}));
  });

  it('a room container carries every hardening flag, its network off by default', () => {
    expectHardened(roomContainerOptions(room));
  });

  it('a room container the host allowed a network keeps every other flag', () => {
    expectHardened(roomContainerOptions({ ...room, network: true }), 'bridge');
  });
});
