// The problem bank: problem packages kept in SQLite, split into problems, statements, test groups
// and cases, validators, submissions and starters, plus every other file of the package, so a
// package exports exactly as it was imported. Importing parses and checks the whole package
// first and writes it in one transaction: a bad package changes nothing.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { HostError, ErrorCode } from '../../common/errors';
import { ProblemIdSchema, type ProblemSummary } from '../../common/problem';
import type { LanguageId } from '../../common/languages';
import type { SqliteDatabase } from '../store/database';
import { getLogger } from '../log/log-service';
import { openBankDatabase } from './bank-db';
import { ProblemPackageError } from './package-error';
import { PACKAGE_CAPS, readPackageFolder, readPackageZip, writePackageFolder, writePackageZip, type PackageFiles } from './package-files';
import { readProblemPackage } from './package-reader';
import type { ProblemPackage } from './problem-package';

const log = getLogger('problem-bank');

const SHIPPED_KEY = 'shipped_imported';

export interface ImportOutcome {
  id: string;
  replaced: boolean;
}

/** Reads a package folder or .zip from disk. */
export function readPackageFrom(source: string): { files: PackageFiles; suggestedId: string } {
  const stat = statSync(source);
  const suggestedId = path.basename(path.resolve(source)).replace(/\.zip$/i, '');
  if (stat.isDirectory()) return { files: readPackageFolder(source), suggestedId };
  if (stat.size > PACKAGE_CAPS.totalBytes) throw new ProblemPackageError(source, `is larger than ${PACKAGE_CAPS.totalBytes} bytes`);
  return { files: readPackageZip(readFileSync(source), source), suggestedId };
}

export function loadPackage(source: string): ProblemPackage {
  const { files, suggestedId } = readPackageFrom(source);
  return readProblemPackage(files, suggestedId);
}

function hashFiles(files: PackageFiles): string {
  const hash = createHash('sha256');
  for (const [p, data] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(p).update('\0').update(data).update('\0');
  return hash.digest('hex');
}

export class ProblemBank {
  private constructor(private readonly db: SqliteDatabase) {}

  static open(dataDir: string): ProblemBank {
    return new ProblemBank(openBankDatabase(dataDir));
  }

  /**
   * Imports every package folder under `dir` (the shipped problems/) the first time the bank is
   * used; a package that fails is logged and skipped, so one bad problem does not hide the rest.
   */
  importShippedOnce(dir: string): { imported: string[]; failed: { folder: string; error: string }[] } {
    const done = this.db.prepare('SELECT value FROM bank_meta WHERE key = ?').get(SHIPPED_KEY);
    const imported: string[] = [];
    const failed: { folder: string; error: string }[] = [];
    if (done || !existsSync(dir)) return { imported, failed };
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      try {
        imported.push(this.importPath(path.join(dir, entry.name), 'shipped').id);
      } catch (error) {
        const message = (error as Error).message;
        log.error({ folder: entry.name, err: error }, 'a shipped problem was not imported');
        failed.push({ folder: entry.name, error: message });
      }
    }
    this.db.prepare('INSERT OR REPLACE INTO bank_meta (key, value) VALUES (?, ?)').run(SHIPPED_KEY, new Date().toISOString());
    return { imported, failed };
  }

  importPath(source: string, origin = path.resolve(source)): ImportOutcome {
    const { files, suggestedId } = readPackageFrom(source);
    return this.importFiles(files, suggestedId, origin);
  }

  importFiles(files: PackageFiles, suggestedId: string, origin: string): ImportOutcome {
    const pkg = readProblemPackage(files, suggestedId);
    return this.store(pkg, origin);
  }

  private store(pkg: ProblemPackage, origin: string): ImportOutcome {
    const hash = hashFiles(pkg.files);
    const claimed = new Set<string>();
    const db = this.db;
    const write = db.transaction((): boolean => {
      const existing = db.prepare('SELECT content_hash, derived_time_limit_ms FROM problems WHERE id = ?').get(pkg.id) as
        | { content_hash: string; derived_time_limit_ms: number | null }
        | undefined;
      db.prepare('DELETE FROM problems WHERE id = ?').run(pkg.id);
      db.prepare(
        `INSERT INTO problems (id, name, type, validation, stated_time_limit_ms, derived_time_limit_ms, content_hash, origin, imported_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(pkg.id, pkg.name, pkg.type, pkg.validation, pkg.statedTimeLimitMs, existing?.content_hash === hash ? existing.derived_time_limit_ms : null, hash, origin, Date.now());
      const statement = db.prepare('INSERT INTO statements (problem_id, path, language, markdown) VALUES (?, ?, ?, ?)');
      for (const s of pkg.statements) {
        statement.run(pkg.id, s.path, s.language, s.markdown);
        claimed.add(s.path);
      }
      const group = db.prepare('INSERT INTO test_groups (problem_id, path, testdata_yaml) VALUES (?, ?, ?)');
      for (const g of pkg.groups) {
        const file = `${g.path}/testdata.yaml`;
        group.run(pkg.id, g.path, pkg.files.get(file) ?? null);
        claimed.add(file);
      }
      const test = db.prepare('INSERT INTO test_cases (problem_id, name, ordinal, group_path, sample, input, answer) VALUES (?, ?, ?, ?, ?, ?, ?)');
      pkg.tests.forEach((t, i) => {
        test.run(pkg.id, t.name, i, t.group, t.sample ? 1 : 0, t.input, t.answer);
        claimed.add(`${t.name}.in`).add(`${t.name}.ans`);
      });
      if (pkg.validator) {
        const v = db.prepare('INSERT INTO validators (problem_id, path, name, language, content) VALUES (?, ?, ?, ?, ?)');
        for (const [p, content] of pkg.files) {
          if (!p.startsWith('output_validators/')) continue;
          v.run(pkg.id, p, pkg.validator.name, pkg.validator.language, content);
          claimed.add(p);
        }
      }
      const sub = db.prepare('INSERT INTO submissions (problem_id, path, submission, expected, language, content) VALUES (?, ?, ?, ?, ?, ?)');
      for (const s of pkg.submissions) {
        for (const f of s.files) {
          const p = s.path.endsWith(f.path) && s.files.length === 1 && !pkg.files.has(`${s.path}/${f.path}`) ? s.path : `${s.path}/${f.path}`;
          sub.run(pkg.id, p, s.path, s.expected, s.language, f.content);
          claimed.add(p);
        }
      }
      const starter = db.prepare('INSERT INTO starters (problem_id, path, language, content) VALUES (?, ?, ?, ?)');
      for (const s of pkg.starters) {
        for (const f of s.files) {
          const p = `starters/${s.language}/${f.path}`;
          starter.run(pkg.id, p, s.language, f.content);
          claimed.add(p);
        }
      }
      const other = db.prepare('INSERT INTO package_files (problem_id, path, content) VALUES (?, ?, ?)');
      for (const [p, content] of pkg.files) if (!claimed.has(p)) other.run(pkg.id, p, content);
      return existing !== undefined;
    });
    return { id: pkg.id, replaced: write() };
  }

  list(): ProblemSummary[] {
    const rows = this.db
      .prepare(
        `SELECT p.*, (SELECT COUNT(*) FROM test_cases t WHERE t.problem_id = p.id AND t.sample = 1) AS samples,
                (SELECT COUNT(*) FROM test_cases t WHERE t.problem_id = p.id AND t.sample = 0) AS secret,
                (SELECT group_concat(DISTINCT language) FROM starters s WHERE s.problem_id = p.id) AS starter_languages
         FROM problems p ORDER BY p.id`,
      )
      .all() as Record<string, unknown>[];
    return rows.map((r) => ({
      id: r.id as string,
      name: r.name as string,
      type: r.type as ProblemSummary['type'],
      validation: r.validation as ProblemSummary['validation'],
      samples: r.samples as number,
      secretTests: r.secret as number,
      starterLanguages: r.starter_languages ? ((r.starter_languages as string).split(',').sort() as LanguageId[]) : [],
      timeLimitMs: (r.stated_time_limit_ms as number | null) ?? (r.derived_time_limit_ms as number | null),
      origin: r.origin as string,
      importedAt: r.imported_at as number,
    }));
  }

  private requireId(id: string): string {
    const parsed = ProblemIdSchema.safeParse(id);
    if (!parsed.success) throw new HostError(ErrorCode.InvalidArgument, `"${id.slice(0, 80)}" is not a problem id: ${parsed.error.issues[0]!.message}`);
    if (!this.db.prepare('SELECT 1 FROM problems WHERE id = ?').get(id)) throw new HostError(ErrorCode.NotFound, `no problem "${id}" in the bank; see \`codecrafter problems list\``);
    return id;
  }

  has(id: string): boolean {
    return ProblemIdSchema.safeParse(id).success && Boolean(this.db.prepare('SELECT 1 FROM problems WHERE id = ?').get(id));
  }

  /** Every file of a problem, as imported. */
  files(id: string): PackageFiles {
    this.requireId(id);
    const files: PackageFiles = new Map();
    const add = (rows: unknown[]) => {
      for (const r of rows as { path: string; content: Uint8Array }[]) files.set(r.path, r.content);
    };
    add(this.db.prepare('SELECT path, content FROM package_files WHERE problem_id = ?').all(id));
    add(this.db.prepare('SELECT path, content FROM validators WHERE problem_id = ?').all(id));
    add(this.db.prepare('SELECT path, content FROM submissions WHERE problem_id = ?').all(id));
    add(this.db.prepare('SELECT path, content FROM starters WHERE problem_id = ?').all(id));
    const encoder = new TextEncoder();
    for (const s of this.db.prepare('SELECT path, markdown FROM statements WHERE problem_id = ?').all(id) as { path: string; markdown: string }[])
      files.set(s.path, encoder.encode(s.markdown));
    for (const g of this.db.prepare('SELECT path, testdata_yaml FROM test_groups WHERE problem_id = ? AND testdata_yaml IS NOT NULL').all(id) as { path: string; testdata_yaml: Uint8Array }[])
      files.set(`${g.path}/testdata.yaml`, g.testdata_yaml);
    for (const t of this.db.prepare('SELECT name, input, answer FROM test_cases WHERE problem_id = ? ORDER BY ordinal').all(id) as { name: string; input: Uint8Array; answer: Uint8Array }[]) {
      files.set(`${t.name}.in`, t.input);
      files.set(`${t.name}.ans`, t.answer);
    }
    return files;
  }

  get(id: string): ProblemPackage {
    return readProblemPackage(this.files(id), id);
  }

  /** Writes the package back in the Kattis layout: a .zip when `target` ends in .zip, else a folder. */
  export(id: string, target: string): void {
    const files = this.files(id);
    if (target.toLowerCase().endsWith('.zip')) {
      writeFileSync(target, writePackageZip(files, id));
      return;
    }
    if (existsSync(target) && readdirSync(target).length > 0) throw new HostError(ErrorCode.AlreadyExists, `${target} exists and is not empty; export into a new or empty folder`);
    writePackageFolder(files, target);
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM problems WHERE id = ?').run(this.requireId(id)).changes > 0;
  }

  derivedTimeLimit(id: string): number | null {
    const row = this.db.prepare('SELECT derived_time_limit_ms AS ms FROM problems WHERE id = ?').get(id) as { ms: number | null } | undefined;
    return row?.ms ?? null;
  }

  setDerivedTimeLimit(id: string, ms: number): void {
    this.db.prepare('UPDATE problems SET derived_time_limit_ms = ? WHERE id = ?').run(ms, this.requireId(id));
  }

  close(): void {
    this.db.close();
  }
}
