// buildImages against the real dockerd, with small recipes of the test's own on the real Debian
// base: what is missing is built in order with a progress line per image, the build args reach the
// language recipes, what exists is skipped (or rebuilt with force), resolveImage finds an image by
// its recipe on another base, and a failing recipe stops the build and says which image and why.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IMAGE_NAMES } from '../../../common/languages';
import type { ImageBuildProgress } from '../../../common/types';
import { buildImages, DEFAULT_BASE, LABEL_IMAGE, LABEL_RECIPE, planImages, resolveImage } from '../../../main/sandbox/images';
import { docker } from './helpers';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-image-build-'));
// A nonce in every recipe: the tags are new, so nothing of the real sandbox images is touched.
const nonce = randomBytes(6).toString('hex');
const built = new Set<string>();

function writeRecipes(failing?: (typeof IMAGE_NAMES)[number]): void {
  const write = (name: string, dockerfile: string) => {
    mkdirSync(path.join(dir, name), { recursive: true });
    writeFileSync(path.join(dir, name, 'Dockerfile'), dockerfile);
    writeFileSync(path.join(dir, name, 'nonce.txt'), `${nonce}\n`);
  };
  write('base', 'ARG BASE\nFROM ${BASE}\nLABEL test.role=base\n');
  for (const name of IMAGE_NAMES) {
    const args = name === 'node' ? 'ARG NPM_REGISTRY\nARG EXTRA_CA_CERTS\nLABEL test.npm-registry=$NPM_REGISTRY\n' : '';
    const fail = name === failing ? 'RUN echo "this recipe is broken" >&2 && exit 3\n' : '';
    write(name, `ARG SANDBOX_BASE\nFROM \${SANDBOX_BASE}\n${args}LABEL test.role=${name}\n${fail}`);
  }
}

async function build(options: { force?: boolean } = {}) {
  const progress: ImageBuildProgress[] = [];
  try {
    const tags = await buildImages(docker, { base: DEFAULT_BASE, imagesDir: dir, force: options.force, onProgress: (p) => progress.push(p) });
    for (const tag of Object.values(tags)) built.add(tag);
    return { tags, progress };
  } finally {
    for (const p of progress) if (p.state === 'done') built.add(p.tag);
  }
}

beforeAll(async () => {
  // The real base must be there (npm run images makes it); these recipes only add labels to it.
  await docker.getImage(DEFAULT_BASE).inspect();
});

afterAll(async () => {
  vi.unstubAllEnvs();
  for (const tag of [...built].reverse()) await docker.getImage(tag).remove({ force: true }).catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

describe('buildImages', () => {
  it('builds every missing image in order, base first, with the build args the recipes ask for', { timeout: 600_000 }, async () => {
    vi.stubEnv('npm_config_registry', 'http://registry.test.invalid/npm///');
    writeRecipes();
    const plan = planImages(DEFAULT_BASE, dir);
    const { tags, progress } = await build();

    const total = IMAGE_NAMES.length + 1;
    const finished = progress.filter((p) => p.state === 'done');
    expect(finished.map((p) => p.image)).toEqual(['base', ...IMAGE_NAMES]);
    expect(finished.map((p) => p.done)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(progress.every((p) => p.total === total)).toBe(true);
    expect(progress.filter((p) => p.state === 'building').map((p) => p.image)).toEqual(['base', ...IMAGE_NAMES]);
    expect(progress.some((p) => p.state === 'log' && p.image === 'python')).toBe(true);
    expect(tags).toEqual(Object.fromEntries([plan.base, ...plan.languages].map((p) => [p.name, p.tag])));

    const node = await docker.getImage(tags.node!).inspect();
    expect(node.Config.Labels).toMatchObject({
      [LABEL_IMAGE]: 'node',
      [LABEL_RECIPE]: plan.languages.find((p) => p.name === 'node')!.recipe,
      'test.role': 'node',
      // Trailing slashes are dropped from the registry the recipe gets.
      'test.npm-registry': 'http://registry.test.invalid/npm',
    });
    // Each language image is built on this run's base image.
    const base = await docker.getImage(tags.base!).inspect();
    expect(node.RootFS.Layers?.slice(0, base.RootFS.Layers?.length)).toEqual(base.RootFS.Layers);
  });

  it('skips what exists, and rebuilds it with force', { timeout: 600_000 }, async () => {
    const again = await build();
    expect(again.progress.map((p) => p.state)).toEqual(Array(IMAGE_NAMES.length + 1).fill('skipped'));
    expect(again.progress.every((p) => p.message === 'already built')).toBe(true);

    const forced = await build({ force: true });
    expect(forced.progress.filter((p) => p.state === 'done')).toHaveLength(IMAGE_NAMES.length + 1);
    expect(forced.tags).toEqual(again.tags);
  });

  it('finds an image by its recipe when it was built on another base', async () => {
    const other = planImages('debian:bookworm-slim', dir).languages.find((p) => p.name === 'python')!;
    const own = planImages(DEFAULT_BASE, dir).languages.find((p) => p.name === 'python')!;
    expect(other.tag).not.toBe(own.tag);
    expect(await resolveImage(docker, other)).toBe(own.tag);
    expect(await resolveImage(docker, own)).toBe(own.tag);
    // A recipe nothing was built from resolves to nothing.
    expect(await resolveImage(docker, { ...other, recipe: '0'.repeat(16), tag: 'codecrafter-sandbox/python:nothing' })).toBeNull();
  });

  it('stops at a failing recipe and names the image and the reason', { timeout: 600_000 }, async () => {
    writeRecipes('go');
    const plan = planImages(DEFAULT_BASE, dir);
    let progress: ImageBuildProgress[] = [];
    const failure = await buildImages(docker, { base: DEFAULT_BASE, imagesDir: dir, onProgress: (p) => progress.push(p) }).catch((e: Error) => e);
    progress = progress.filter((p) => p.state !== 'log');
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/^building sandbox image go failed: .*returned a non-zero code: 3/);
    const failed = progress.find((p) => p.state === 'failed')!;
    expect(failed).toMatchObject({ image: 'go', tag: plan.languages.find((p) => p.name === 'go')!.tag });
    // The images after it are not tried; the ones before it were unchanged and skipped.
    expect(progress.at(-1)).toBe(failed);
    expect(progress.filter((p) => p.state === 'skipped').map((p) => p.image)).toEqual(['base', 'gcc', 'node', 'python', 'java']);
    await expect(docker.getImage(failed.tag).inspect()).rejects.toThrow();
  });
});
