// The Debian mirror this machine already uses, read from its apt sources, so the sandbox base
// can be made offline from a registry (debootstrap) without naming any host in our code.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Mirror URIs in order of preference: the main archive (a suite without "-security") first. */
export function aptMirrors(root = '/etc/apt'): string[] {
  const found: { uri: string; main: boolean }[] = [];
  const sourcesDir = path.join(root, 'sources.list.d');
  const deb822 = existsSync(sourcesDir) ? readdirSync(sourcesDir).filter((f) => f.endsWith('.sources')).sort() : [];
  for (const file of deb822) {
    // deb822 stanzas are separated by blank lines; each names URIs and Suites.
    for (const stanza of readFileSync(path.join(sourcesDir, file), 'utf8').split(/\n\s*\n/)) {
      const field = (name: string) => stanza.match(new RegExp(`^${name}:\\s*(.+)$`, 'mi'))?.[1]?.trim().split(/\s+/) ?? [];
      if (!field('Types').includes('deb')) continue;
      const main = field('Suites').some((s) => !s.includes('security'));
      for (const uri of field('URIs')) found.push({ uri, main });
    }
  }
  const list = path.join(root, 'sources.list');
  const listFiles = [list, ...(existsSync(sourcesDir) ? readdirSync(sourcesDir).filter((f) => f.endsWith('.list')).map((f) => path.join(sourcesDir, f)) : [])];
  for (const file of listFiles) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const m = line.trim().match(/^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)/);
      if (m) found.push({ uri: m[1]!, main: !m[2]!.includes('security') });
    }
  }
  const ordered = [...found.filter((f) => f.main), ...found.filter((f) => !f.main)].map((f) => f.uri.replace(/\/+$/, ''));
  return [...new Set(ordered)].filter((u) => /^https?:\/\//.test(u));
}

export function findAptMirror(): string | null {
  return process.env.CODECRAFTER_DEBIAN_MIRROR || aptMirrors()[0] || null;
}
