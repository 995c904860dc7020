import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMAGE_NAMES } from '../../common/languages';
import { defaultImagesDir, planImages } from './images';

function copyRecipes(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-recipes-'));
  cpSync(defaultImagesDir(), dir, { recursive: true });
  return dir;
}

describe('planImages', () => {
  it('has a recipe for every image the language table names', () => {
    const plan = planImages();
    expect(plan.languages.map((p) => p.name)).toEqual([...IMAGE_NAMES]);
    expect(plan.base.files).toContain('supervise.c');
  });

  it('gives a new tag when a recipe file changes, and to every image when the base recipe changes', () => {
    const dir = copyRecipes();
    const before = planImages(undefined, dir);
    writeFileSync(path.join(dir, 'python', 'Dockerfile'), '# changed\n', { flag: 'a' });
    const afterPython = planImages(undefined, dir);
    expect(afterPython.languages.find((p) => p.name === 'python')!.tag).not.toBe(before.languages.find((p) => p.name === 'python')!.tag);
    expect(afterPython.languages.find((p) => p.name === 'gcc')!.tag).toBe(before.languages.find((p) => p.name === 'gcc')!.tag);
    writeFileSync(path.join(dir, 'base', 'supervise.c'), '// changed\n', { flag: 'a' });
    const afterBase = planImages(undefined, dir);
    for (const p of afterBase.languages) expect(p.tag).not.toBe(afterPython.languages.find((q) => q.name === p.name)!.tag);
  });

  it('tags by base image, but keeps the recipe hash that finds an image built on another base', () => {
    const a = planImages('codecrafter-sandbox/debian:bookworm-minbase');
    const b = planImages('debian:bookworm-slim');
    expect(a.base.tag).not.toBe(b.base.tag);
    expect(a.languages[0]!.recipe).toBe(b.languages[0]!.recipe);
  });
});
