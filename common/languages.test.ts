import { describe, expect, it } from 'vitest';
import { expandCommand, LANGUAGE_IDS, LANGUAGES, languageForFile, TIER_LIMITS } from './languages';

describe('language table', () => {
  it('has a complete row for every language', () => {
    for (const id of LANGUAGE_IDS) {
      const lang = LANGUAGES[id];
      expect(lang.id).toBe(id);
      expect(lang.extensions.some((e) => lang.defaultEntry.endsWith(e))).toBe(true);
      expect(TIER_LIMITS[lang.tier].run.timeMs.default).toBeLessThanOrEqual(TIER_LIMITS[lang.tier].run.timeMs.max);
    }
  });

  it('finds the language of a file by extension', () => {
    expect(languageForFile('src/app.py')?.id).toBe('python');
    expect(languageForFile('Main.JAVA')?.id).toBe('java');
    expect(languageForFile('README')).toBeNull();
  });

  it('fills placeholders, quoting what the shell would split', () => {
    expect(expandCommand('java -cp {build} {class}', 'com/acme/Main.java', '/tmp/b')).toBe('java -cp /tmp/b com.acme.Main');
    expect(expandCommand('node {build}/{stem}.js', 'src/main.ts', '/tmp/b')).toBe('node /tmp/b/src/main.js');
    expect(expandCommand('python3 {entry}', "it's here.py", '/b')).toBe(`python3 'it'\\''s here.py'`);
  });
});
