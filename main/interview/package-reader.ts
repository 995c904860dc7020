// Turns a set of package files into a ProblemPackage, refusing anything the judge could not use
// with a message that names the file and the field. Accepts the Kattis legacy layout (with
// `statement/` as well as `problem_statement/`) and zips of HackerRank-style inputNN.txt /
// outputNN.txt pairs, which are converted to the Kattis layout (so they export as Kattis).
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { LANGUAGE_IDS, LANGUAGES, languageForFile, type LanguageId } from '../../common/languages';
import {
  parseValidatorFlags,
  problemIdFrom,
  ProblemYamlSchema,
  SUBMISSION_FOLDERS,
  TestdataYamlSchema,
  type ProblemType,
  type TestdataYaml,
} from '../../common/problem';
import { ProblemPackageError } from './package-error';
import type { PackageFiles } from './package-files';
import type { OutputValidator, ProblemPackage, SourceFile, Starter, Statement, Submission, TestCase, TestGroup } from './problem-package';

const decoder = new TextDecoder('utf-8', { fatal: true });

function text(files: PackageFiles, file: string): string {
  try {
    return decoder.decode(files.get(file)!);
  } catch {
    throw new ProblemPackageError(file, 'is not valid UTF-8 text');
  }
}

function zodMessage(file: string, error: z.ZodError): ProblemPackageError {
  const issue = error.issues[0]!;
  const field = issue.path.join('.');
  return new ProblemPackageError(file, `${field ? `field "${field}": ` : ''}${issue.message}`);
}

function yamlOf(files: PackageFiles, file: string): unknown {
  try {
    return parseYaml(text(files, file)) ?? {};
  } catch (error) {
    if (error instanceof ProblemPackageError) throw error;
    throw new ProblemPackageError(file, `is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** inputNN.txt / outputNN.txt zips (HackerRank and others) become data/secret/NN.{in,ans}. */
export function convertInputOutputPairs(files: PackageFiles, id: string): PackageFiles | null {
  if (files.has('problem.yaml')) return null;
  const inputs = [...files.keys()].filter((f) => /(^|\/)input[-_]?\d+\.txt$/i.test(f));
  if (inputs.length === 0) return null;
  const out: PackageFiles = new Map();
  const encoder = new TextEncoder();
  out.set('problem.yaml', encoder.encode(`name: ${JSON.stringify(id)}\ntype: pass-fail\nvalidation: default\n`));
  out.set(
    'problem_statement/problem.en.md',
    encoder.encode(`# ${id}\n\nImported from test data only (inputNN.txt / outputNN.txt); no statement came with it.\n`),
  );
  for (const input of inputs.sort(byName)) {
    const number = /input[-_]?(\d+)\.txt$/i.exec(input)![1]!;
    const output = [...files.keys()].find((f) => f.toLowerCase() === input.toLowerCase().replace(/input([-_]?\d+\.txt)$/, 'output$1'));
    if (!output) throw new ProblemPackageError(input, `has no matching output${number}.txt`);
    out.set(`data/secret/${number}.in`, files.get(input)!);
    out.set(`data/secret/${number}.ans`, files.get(output)!);
  }
  return out;
}

export function readProblemPackage(input: PackageFiles, suggestedId: string): ProblemPackage {
  const id = problemIdFrom(suggestedId);
  const files = convertInputOutputPairs(input, id) ?? input;
  if (!files.has('problem.yaml'))
    throw new ProblemPackageError('problem.yaml', 'is missing; a Kattis package has problem.yaml at its root (or give a zip of inputNN.txt/outputNN.txt pairs)');
  const parsed = ProblemYamlSchema.safeParse(yamlOf(files, 'problem.yaml'));
  if (!parsed.success) throw zodMessage('problem.yaml', parsed.error);
  const yaml = parsed.data;

  const type = yaml.type.trim() as ProblemType;
  if (type !== 'pass-fail' && type !== 'scoring') throw new ProblemPackageError('problem.yaml', `field "type": "${yaml.type}" is not pass-fail or scoring`);
  const validationWords = yaml.validation.trim().split(/\s+/);
  if (validationWords[0] !== 'default' && validationWords[0] !== 'custom')
    throw new ProblemPackageError('problem.yaml', `field "validation": "${yaml.validation}" is not default or custom`);
  if (validationWords.includes('score'))
    throw new ProblemPackageError('problem.yaml', 'field "validation": validators that give a score ("custom score") are not supported yet; score with testdata.yaml groups instead');
  const interactive = validationWords.includes('interactive');
  if (interactive && validationWords[0] !== 'custom')
    throw new ProblemPackageError('problem.yaml', 'field "validation": an interactive problem needs its own validator, the interactor: write "custom interactive"');
  const validation = validationWords[0];
  const validatorFlagsText = String(yaml.validator_flags ?? '');
  let validatorFlags;
  try {
    validatorFlags = parseValidatorFlags(validation === 'default' ? validatorFlagsText : '');
  } catch (error) {
    throw new ProblemPackageError('problem.yaml', `field "validator_flags": ${(error as Error).message}`);
  }

  let statedTimeLimitMs: number | null = yaml.limits.time_limit !== undefined ? Math.round(yaml.limits.time_limit * 1000) : null;
  if (statedTimeLimitMs === null && files.has('.timelimit')) {
    const seconds = Number(text(files, '.timelimit').trim());
    if (!(seconds > 0 && seconds <= 60)) throw new ProblemPackageError('.timelimit', 'must hold a number of seconds between 0 and 60');
    statedTimeLimitMs = Math.round(seconds * 1000);
  }

  const statements = readStatements(files);
  const name = typeof yaml.name === 'string' ? yaml.name : (yaml.name?.en ?? Object.values(yaml.name ?? {})[0] ?? titleFrom(statements[0]?.markdown) ?? id);
  const { tests, groups } = readTestData(files);
  if (tests.length === 0) throw new ProblemPackageError('data/', 'has no test cases (data/sample/*.in and data/secret/*.in with their .ans)');
  for (const group of groups) {
    const flags = group.effective.output_validator_flags;
    if (validation === 'default' && flags !== undefined) {
      try {
        parseValidatorFlags(flags);
      } catch (error) {
        throw new ProblemPackageError(`${group.path}/testdata.yaml`, `field "output_validator_flags": ${(error as Error).message}`);
      }
    }
  }

  const validator = validation === 'custom' ? readValidator(files, interactive) : null;
  return {
    id,
    name,
    type,
    yaml,
    statedTimeLimitMs,
    statements,
    tests,
    groups,
    validation,
    interactive,
    validatorFlags,
    validatorFlagsText,
    validator,
    submissions: readSubmissions(files),
    starters: readStarters(files),
    files,
  };
}

function titleFrom(markdown: string | undefined): string | undefined {
  return markdown?.match(/^#\s+(.+)$/m)?.[1]?.trim();
}

function readStatements(files: PackageFiles): Statement[] {
  const statements: Statement[] = [];
  const tex: string[] = [];
  for (const file of [...files.keys()].sort(byName)) {
    const m = /^(problem_statement|statement)\/problem(?:\.([a-z]{2,3}(?:-[A-Za-z]+)?))?\.(md|tex)$/.exec(file);
    if (!m) continue;
    if (m[3] === 'tex') tex.push(file);
    else statements.push({ language: m[2] ?? 'en', path: file, markdown: text(files, file) });
  }
  if (statements.length === 0)
    throw new ProblemPackageError(
      'problem_statement/problem.en.md',
      tex.length
        ? `is missing; only LaTeX statements were found (${tex.join(', ')}). CodeCrafter shows Markdown statements: add problem.en.md beside them`
        : 'is missing; give the statement as Markdown in problem_statement/ (or statement/)',
    );
  return statements;
}

function readTestData(files: PackageFiles): { tests: TestCase[]; groups: TestGroup[] } {
  const tests: TestCase[] = [];
  const folders = new Set<string>(['data']);
  for (const file of [...files.keys()].sort(byName)) {
    if (!file.startsWith('data/')) continue;
    const parts = file.split('/');
    for (let i = 2; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
    if (!file.endsWith('.in')) continue;
    if (!(file.startsWith('data/sample/') || file.startsWith('data/secret/')))
      throw new ProblemPackageError(file, 'test data must lie under data/sample/ or data/secret/');
    const name = file.slice(0, -3);
    const answer = files.get(`${name}.ans`);
    if (!answer) throw new ProblemPackageError(file, `has no answer file ${name}.ans`);
    tests.push({ name, group: name.slice(0, name.lastIndexOf('/')), sample: file.startsWith('data/sample/'), input: files.get(file)!, answer });
  }
  for (const file of files.keys()) {
    if (file.startsWith('data/') && file.endsWith('.ans') && !files.has(`${file.slice(0, -4)}.in`))
      throw new ProblemPackageError(file, `has no input file ${file.slice(0, -4)}.in`);
  }
  const own = new Map<string, TestdataYaml | null>();
  for (const folder of folders) {
    const file = `${folder}/testdata.yaml`;
    if (!files.has(file)) {
      own.set(folder, null);
      continue;
    }
    const parsed = TestdataYamlSchema.safeParse(yamlOf(files, file));
    if (!parsed.success) throw zodMessage(file, parsed.error);
    own.set(folder, parsed.data);
  }
  const groups: TestGroup[] = [...folders].sort(byName).map((folder) => {
    const chain = folder.split('/').map((_, i, all) => all.slice(0, i + 1).join('/'));
    const effective = Object.assign({}, ...chain.map((f) => own.get(f) ?? {})) as TestdataYaml;
    return { path: folder, own: own.get(folder) ?? null, effective };
  });
  return { tests, groups };
}

function languageOf(file: string, where: string): LanguageId {
  const language = languageForFile(file)?.id;
  if (!language) throw new ProblemPackageError(where, `cannot tell the language of "${file}" from its extension`);
  return language;
}

function sourcesUnder(files: PackageFiles, folder: string): SourceFile[] {
  return [...files.keys()]
    .filter((f) => f.startsWith(`${folder}/`))
    .sort(byName)
    .map((f) => ({ path: f.slice(folder.length + 1), content: files.get(f)! }));
}

/** The main source of a multi-file program: the language's default entry, else the only source. */
function entryOf(sources: SourceFile[], language: LanguageId, where: string): string {
  const lang = LANGUAGES[language];
  const own = sources.filter((s) => lang.extensions.some((e) => s.path.endsWith(e)));
  const entry = own.find((s) => s.path === lang.defaultEntry || /^(validate|validator|main)\.[a-z]+$/.test(s.path)) ?? (own.length === 1 ? own[0] : undefined);
  if (!entry) throw new ProblemPackageError(where, `cannot tell which file is the program's entry; name it ${lang.defaultEntry}`);
  return entry.path;
}

function readValidator(files: PackageFiles, interactive: boolean): OutputValidator {
  const names = [...new Set([...files.keys()].filter((f) => f.startsWith('output_validators/')).map((f) => f.split('/')[1]!))];
  if (names.length === 0)
    throw new ProblemPackageError('output_validators/', `is missing or empty, but problem.yaml says validation: custom${interactive ? ' interactive (the validator is the interactor)' : ''}`);
  const name = names.sort(byName)[0]!;
  const folder = `output_validators/${name}`;
  let sources = sourcesUnder(files, folder);
  // A validator given as a single file straight under output_validators/.
  if (sources.length === 0) sources = [{ path: name, content: files.get(folder)! }];
  const main = sources.find((s) => /^validat(e|or)\.[a-z]+$/.test(s.path)) ?? sources.find((s) => languageForFile(s.path) && !s.path.endsWith('.h'));
  if (!main) throw new ProblemPackageError(folder, 'holds no validator source (validate.py or validate.cpp)');
  const language = languageOf(main.path, folder);
  if (language !== 'python' && language !== 'cpp' && language !== 'c')
    throw new ProblemPackageError(`${folder}/${main.path}`, 'output validators may be written in Python, C or C++');
  return { name, language, files: sources, entry: main.path };
}

function readSubmissions(files: PackageFiles): Submission[] {
  const found = new Map<string, Submission>();
  for (const file of [...files.keys()].sort(byName)) {
    const parts = file.split('/');
    if (parts[0] !== 'submissions' || parts.length < 3) continue;
    const expected = SUBMISSION_FOLDERS[parts[1]!];
    if (!expected) continue; // other folders (e.g. partially_accepted) are kept as files only
    const isFolder = parts.length > 3;
    const path = parts.slice(0, 3).join('/');
    if (found.has(path)) continue;
    if (!isFolder && !languageForFile(file)) continue; // README and the like
    const sources = isFolder ? sourcesUnder(files, path) : [{ path: parts[2]!, content: files.get(file)! }];
    const language = languageOf(isFolder ? (sources.find((s) => languageForFile(s.path))?.path ?? path) : file, path);
    found.set(path, { path, expected, language, files: sources, entry: isFolder ? entryOf(sources, language, path) : parts[2]! });
  }
  return [...found.values()];
}

function readStarters(files: PackageFiles): Starter[] {
  const starters = new Map<LanguageId, Starter>();
  for (const file of [...files.keys()].sort(byName)) {
    const parts = file.split('/');
    if (parts[0] !== 'starters' || parts.length < 3) continue;
    const language = parts[1] as LanguageId;
    if (!LANGUAGE_IDS.includes(language))
      throw new ProblemPackageError(file, `"${parts[1]}" is not a sandbox language; starters/ holds one folder per language id (${LANGUAGE_IDS.join(', ')})`);
    const starter = starters.get(language) ?? { language, files: [] };
    starter.files.push({ path: parts.slice(2).join('/'), content: files.get(file)! });
    starters.set(language, starter);
  }
  return [...starters.values()];
}
