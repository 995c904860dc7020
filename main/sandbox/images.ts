// Sandbox images: one recipe folder per image under sandbox-images/, tagged by a hash of the
// recipe (its files, its parent's recipe and the base tag), so a changed recipe gets a new tag
// and is rebuilt, and an unchanged one is never rebuilt. Build order: the Debian base (imported
// from debootstrap when no registry is reachable), then `base` (user + supervisor), then one
// image per language family.
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import { IMAGE_NAMES, type ImageName } from '../../common/languages';
import { findAptMirror } from './apt-mirror';
import { packageRoot } from '../host/package-root';
import type { ImageBuildProgress } from '../../common/types';

/** The Debian base made by `debootstrap --variant=minbase bookworm` and `docker import`. */
export const DEFAULT_BASE = 'codecrafter-sandbox/debian:bookworm-minbase';
export const IMAGE_REPO = 'codecrafter-sandbox';
export const LABEL_IMAGE = 'codecrafter.sandbox.image';
export const LABEL_RECIPE = 'codecrafter.sandbox.recipe';

export function defaultImagesDir(): string {
  const fromEnv = process.env.CODECRAFTER_SANDBOX_IMAGES;
  if (fromEnv) return fromEnv;
  // From the package root, not this file: the same code runs from source and bundled in dist/.
  return path.join(packageRoot(), 'sandbox-images');
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(dir, path.posix.join(prefix, e.name)) : [path.posix.join(prefix, e.name)]))
    .sort();
}

export interface ImagePlan {
  name: 'base' | ImageName;
  dir: string;
  files: string[];
  /** Hash of this recipe and its parents' recipes, independent of the base tag. */
  recipe: string;
  tag: string;
}

/** Computes every image's tag for a given base, without touching Docker. */
export function planImages(base = DEFAULT_BASE, imagesDir = defaultImagesDir()): { base: ImagePlan; languages: ImagePlan[] } {
  const plan = (name: ImagePlan['name'], parentRecipe: string): ImagePlan => {
    const dir = path.join(imagesDir, name);
    if (!existsSync(path.join(dir, 'Dockerfile'))) throw new Error(`sandbox image recipe missing: ${dir}/Dockerfile`);
    const files = listFiles(dir);
    const hash = createHash('sha256').update(`${name}\0${parentRecipe}\0`);
    for (const f of files) hash.update(`${f}\0`).update(readFileSync(path.join(dir, f))).update('\0');
    const recipe = hash.digest('hex').slice(0, 16);
    const tag = `${IMAGE_REPO}/${name}:${createHash('sha256').update(`${recipe}\0${base}`).digest('hex').slice(0, 16)}`;
    return { name, dir, files, recipe, tag };
  };
  const basePlan = plan('base', '');
  return { base: basePlan, languages: IMAGE_NAMES.map((n) => plan(n, basePlan.recipe)) };
}

export async function imageExists(docker: Docker, tag: string): Promise<boolean> {
  try {
    await docker.getImage(tag).inspect();
    return true;
  } catch {
    return false;
  }
}

/**
 * The tag to run for an image: the one planned for `base` if present, else any image built
 * from the same recipe on another base (a user who ran `images --base debian:bookworm-slim`).
 */
export async function resolveImage(docker: Docker, plan: ImagePlan): Promise<string | null> {
  if (await imageExists(docker, plan.tag)) return plan.tag;
  const found = await docker.listImages({ filters: { label: [`${LABEL_RECIPE}=${plan.recipe}`] } });
  const tagged = found.flatMap((i) => i.RepoTags ?? []).filter((t) => t.startsWith(`${IMAGE_REPO}/${plan.name}:`));
  return tagged[0] ?? null;
}

export type BuildProgress = ImageBuildProgress;

export interface BuildOptions {
  base?: string;
  imagesDir?: string;
  onProgress?: (p: BuildProgress) => void;
  /** Rebuild even when the tag exists. */
  force?: boolean;
}

function run(cmd: string, args: string[], onLine: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const relay = (data: Buffer) => data.toString().split('\n').filter(Boolean).forEach(onLine);
    child.stdout.on('data', relay);
    child.stderr.on('data', relay);
    child.on('error', (e) => reject(new Error(`${cmd}: ${e.message}`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited with status ${code}`))));
  });
}

/** debootstrap the Debian base from the machine's own apt mirror and import it into Docker. */
export async function importDebianBase(docker: Docker, tag: string, log: (line: string) => void): Promise<void> {
  if (process.getuid?.() !== 0) throw new Error('making the Debian base needs root (debootstrap); run as root or pass --base debian:bookworm-slim');
  const mirror = findAptMirror();
  if (!mirror) throw new Error('no Debian mirror found in /etc/apt/sources.list(.d); pass --base debian:bookworm-slim or set CODECRAFTER_DEBIAN_MIRROR');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-rootfs-'));
  try {
    log(`debootstrap --variant=minbase bookworm from ${mirror}`);
    await run('debootstrap', ['--variant=minbase', 'bookworm', dir, mirror], log);
    const [repo, version] = tag.split(':') as [string, string];
    const tar = spawn('tar', ['-C', dir, '-c', '.'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const stream = await docker.importImage(tar.stdout as unknown as string, { repo, tag: version });
    await new Promise<void>((resolve, reject) => docker.modem.followProgress(stream, (err) => (err ? reject(err) : resolve())));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function ensureBase(docker: Docker, base: string, log: (line: string) => void): Promise<void> {
  if (await imageExists(docker, base)) return;
  if (base === DEFAULT_BASE) return importDebianBase(docker, base, log);
  log(`pulling ${base}`);
  const stream = await docker.pull(base);
  await new Promise<void>((resolve, reject) => docker.modem.followProgress(stream, (err) => (err ? reject(err) : resolve())));
}

async function buildOne(docker: Docker, plan: ImagePlan, buildargs: Record<string, string>, log: (line: string) => void): Promise<void> {
  const stream = await docker.buildImage(
    { context: plan.dir, src: plan.files },
    {
      t: plan.tag,
      buildargs,
      networkmode: 'host',
      rm: true,
      forcerm: true,
      labels: { [LABEL_IMAGE]: plan.name, [LABEL_RECIPE]: plan.recipe, 'codecrafter.sandbox.base': buildargs.BASE ?? '' },
    },
  );
  let failure: string | undefined;
  await new Promise<void>((resolve, reject) =>
    docker.modem.followProgress(
      stream,
      (err) => (err ? reject(err) : resolve()),
      (event: { stream?: string; error?: string; errorDetail?: { message?: string } }) => {
        if (event.error) failure = event.errorDetail?.message ?? event.error;
        const text = (event.stream ?? event.error ?? '').trimEnd();
        if (text) log(text);
      },
    ),
  );
  if (failure) throw new Error(failure);
  if (!(await imageExists(docker, plan.tag))) throw new Error(`docker build finished without producing ${plan.tag}`);
}

/**
 * Certificates this machine trusts beyond the stock set (a TLS-inspecting proxy's CA), for a
 * recipe that downloads over HTTPS during its build. Not part of the recipe hash: trust
 * configuration of the build machine does not change what the image contains.
 */
function extraCaCerts(): string {
  const files: string[] = [];
  const local = '/usr/local/share/ca-certificates';
  if (existsSync(local)) files.push(...listFiles(local).filter((f) => f.endsWith('.crt')).map((f) => path.join(local, f)));
  const extra = process.env.NODE_EXTRA_CA_CERTS;
  // Often this points at the whole system bundle, which Debian already has (and which would
  // not fit in one build argument); only a small, separate file is worth passing.
  if (extra && existsSync(extra) && !extra.startsWith('/etc/ssl/') && statSync(extra).size < 64 << 10) files.push(extra);
  return [...new Set(files.map((f) => readFileSync(f, 'utf8').trim()))].join('\n');
}

function languageBuildArgs(plan: ImagePlan, sandboxBase: string): Record<string, string> {
  const dockerfile = readFileSync(path.join(plan.dir, 'Dockerfile'), 'utf8');
  const args: Record<string, string> = { SANDBOX_BASE: sandboxBase };
  if (/^ARG NPM_REGISTRY\b/m.test(dockerfile)) args.NPM_REGISTRY = npmRegistry();
  if (/^ARG EXTRA_CA_CERTS\b/m.test(dockerfile)) args.EXTRA_CA_CERTS = extraCaCerts();
  return args;
}

function npmRegistry(): string {
  return (process.env.npm_config_registry || process.env.NPM_CONFIG_REGISTRY || 'https://registry.npmjs.org').replace(/\/+$/, '');
}

/** Builds whatever is missing, in order. Resolves to the tags; rejects on the first failure. */
export async function buildImages(docker: Docker, options: BuildOptions = {}): Promise<Record<string, string>> {
  const base = options.base ?? process.env.CODECRAFTER_SANDBOX_BASE ?? DEFAULT_BASE;
  const { base: basePlan, languages } = planImages(base, options.imagesDir);
  const all = [basePlan, ...languages];
  const total = all.length;
  let done = 0;
  const progress = (p: Omit<BuildProgress, 'done' | 'total'>) => options.onProgress?.({ ...p, done, total });
  const tags: Record<string, string> = {};
  for (const plan of all) {
    if (!options.force && (await imageExists(docker, plan.tag))) {
      done++;
      tags[plan.name] = plan.tag;
      progress({ image: plan.name, tag: plan.tag, state: 'skipped', message: 'already built' });
      continue;
    }
    progress({ image: plan.name, tag: plan.tag, state: 'building' });
    const log = (message: string) => progress({ image: plan.name, tag: plan.tag, state: 'log', message });
    try {
      if (plan === basePlan) await ensureBase(docker, base, log);
      await buildOne(docker, plan, plan === basePlan ? { BASE: base } : languageBuildArgs(plan, basePlan.tag), log);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      progress({ image: plan.name, tag: plan.tag, state: 'failed', message });
      throw new Error(`building sandbox image ${plan.name} failed: ${message}`, { cause: error });
    }
    done++;
    tags[plan.name] = plan.tag;
    progress({ image: plan.name, tag: plan.tag, state: 'done' });
  }
  return tags;
}
