// The judge's own warm pool: the same SandboxPool and images as runs, kept apart from the
// service's so that judging 100 tests never takes the containers an editor's Run is waiting for.
import type Docker from 'dockerode';
import { LANGUAGES, type ImageName, type LanguageId } from '../../common/languages';
import { connectDocker, dockerState } from '../sandbox/docker';
import { DEFAULT_BASE, planImages, resolveImage } from '../sandbox/images';
import { SandboxPool } from '../sandbox/pool';

export async function openJudgePool(options: { docker?: Docker; base?: string; imagesDir?: string } = {}): Promise<SandboxPool> {
  const docker = options.docker ?? connectDocker();
  const state = await dockerState(docker);
  if (state.docker !== 'ok') throw new Error(state.message ?? 'Docker is not available');
  const { languages } = planImages(options.base ?? process.env.CODECRAFTER_SANDBOX_BASE ?? DEFAULT_BASE, options.imagesDir);
  const tags = new Map<ImageName, string>();
  await Promise.all(
    languages.map(async (plan) => {
      const tag = await resolveImage(docker, plan);
      if (tag) tags.set(plan.name as ImageName, tag);
    }),
  );
  const pool = new SandboxPool(docker, (language: LanguageId) => tags.get(LANGUAGES[language].image) ?? null, {
    idlePerLanguage: 1,
    // A judged submission's times are what the interviewer reads: the next container is made
    // after it, not on the same cores while its tests run (BENCHMARKS.md, judge).
    refillOn: 'release',
  });
  await pool.reapLeftovers();
  return pool;
}
