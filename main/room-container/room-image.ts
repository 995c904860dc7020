// The room container's image (issue 10 item 3): several languages in one container, derived
// from our own sandbox images with no registry. It starts FROM the sandbox base image (user,
// supervisor, the Debian made by debootstrap) and installs each language's Debian packages from
// the same apt mirror the sandbox images use (`--network host` at build time only); Node's
// TypeScript, which the node image fetches with checksums, is copied from that image. The tag is
// a hash of the recipe and the base, so a room with the same languages reuses the image.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { pack } from 'tar-stream';
import { LANGUAGES, type ImageName, type LanguageId } from '../../common/languages';
import { DEFAULT_BASE, IMAGE_REPO, imageExists, planImages, resolveImage } from '../sandbox/images';

export const ROOM_IMAGE_REPO = `${IMAGE_REPO}/room`;
export const LABEL_ROOM_IMAGE = 'codecrafter.room-image';

/** The Debian packages each sandbox image installs, plus pip so `pip install --user` works. */
const PACKAGES: Record<ImageName, string[]> = {
  gcc: ['gcc', 'g++', 'libc6-dev'],
  node: ['nodejs'],
  python: ['python3', 'python3-pip', 'python3-venv'],
  java: ['openjdk-17-jdk-headless'],
  go: ['golang-go'],
  rust: ['rustc'],
  scripts: ['ruby', 'php-cli', 'lua5.4'],
};
/** What a terminal in the room needs whatever the languages: a shell people know, and git. */
const TOOLS = ['bash', 'less', 'procps', 'git', 'ca-certificates'];

export function roomImageNames(languages: LanguageId[]): ImageName[] {
  return [...new Set(languages.map((l) => LANGUAGES[l].image))].sort();
}

export function roomDockerfile(baseTag: string, images: ImageName[], nodeTag: string | null): string {
  const packages = [...TOOLS, ...images.flatMap((i) => PACKAGES[i])];
  const lines = [
    `FROM ${baseTag}`,
    'USER root',
    // Java's post-install needs the man folder that minbase leaves out.
    'RUN mkdir -p /usr/share/man/man1 /home/runner /workspace && chown 1000:1000 /home/runner /workspace \\',
    ' && apt-get update --error-on=any \\',
    ` && apt-get install -y --no-install-recommends ${packages.join(' ')} \\`,
    ' && rm -rf /var/lib/apt/lists/*',
  ];
  if (images.includes('node') && nodeTag) {
    lines.push(`COPY --from=${nodeTag} /opt/ts /opt/ts`, 'RUN ln -s /opt/ts/node_modules/typescript/bin/tsc /usr/local/bin/tsc');
  }
  if (images.includes('go')) lines.push('ENV CGO_ENABLED=0 GOTELEMETRY=off');
  lines.push('ENV LANG=C.UTF-8 HOME=/home/runner PATH=/home/runner/.local/bin:/usr/local/bin:/usr/bin:/bin', 'WORKDIR /workspace', 'USER 1000:1000');
  return `${lines.join('\n')}\n`;
}

export interface RoomImagePlan {
  tag: string;
  dockerfile: string;
  images: ImageName[];
}

/** The room image for these languages, from the sandbox images present; throws if they are missing. */
export async function planRoomImage(docker: Docker, languages: LanguageId[]): Promise<RoomImagePlan> {
  const images = roomImageNames(languages);
  const plans = planImages(process.env.CODECRAFTER_SANDBOX_BASE ?? DEFAULT_BASE);
  const baseTag = await resolveImage(docker, plans.base);
  if (!baseTag) throw new Error('The sandbox images are not built yet: build them in the Run panel (or `npm run images`), then create the room container.');
  const nodePlan = plans.languages.find((p) => p.name === 'node');
  const nodeTag = images.includes('node') && nodePlan ? await resolveImage(docker, nodePlan) : null;
  if (images.includes('node') && !nodeTag) throw new Error('The node sandbox image is missing: build the images first.');
  const dockerfile = roomDockerfile(baseTag, images, nodeTag);
  const tag = `${ROOM_IMAGE_REPO}:${createHash('sha256').update(dockerfile).digest('hex').slice(0, 16)}`;
  return { tag, dockerfile, images };
}

async function contextTar(dockerfile: string): Promise<Buffer> {
  const archive = pack();
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    archive.on('data', (c) => chunks.push(c as Buffer));
    archive.on('end', () => resolve(Buffer.concat(chunks)));
    archive.on('error', reject);
  });
  archive.entry({ name: 'Dockerfile', mode: 0o644 }, dockerfile);
  archive.finalize();
  return done;
}

/** Builds the image unless it exists; `log` gets the build's lines. */
export async function ensureRoomImage(docker: Docker, plan: RoomImagePlan, log: (line: string) => void): Promise<string> {
  if (await imageExists(docker, plan.tag)) return plan.tag;
  log(`building the room image for ${plan.images.join(', ')} (once per set of languages)`);
  const stream = await docker.buildImage(Readable.from([await contextTar(plan.dockerfile)]), {
    t: plan.tag,
    networkmode: 'host',
    rm: true,
    forcerm: true,
    labels: { [LABEL_ROOM_IMAGE]: plan.images.join(',') },
  });
  let failure: string | undefined;
  await new Promise<void>((resolve, reject) =>
    docker.modem.followProgress(
      stream,
      (err) => (err ? reject(err) : resolve()),
      (event: { stream?: string; error?: string; errorDetail?: { message?: string } }) => {
        if (event.error) failure = event.errorDetail?.message ?? event.error;
        const text = (event.stream ?? '').trimEnd();
        if (text) log(text);
      },
    ),
  );
  if (failure) throw new Error(`building the room image failed: ${failure}`);
  if (!(await imageExists(docker, plan.tag))) throw new Error(`docker build finished without producing ${plan.tag}`);
  return plan.tag;
}
