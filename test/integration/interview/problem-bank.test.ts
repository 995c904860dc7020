// The problem bank on a real SQLite file: import from folders and zips (Kattis layout with
// `statement/`, and inputNN.txt/outputNN.txt pairs), lossless export, private file mode, and bad
// packages refused with the file and field named, leaving the bank as it was.
import { statSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BANK_FILE } from '../../../main/interview/bank-db';
import { readPackageFolder, readPackageZip, writePackageZip } from '../../../main/interview/package-files';
import { ProblemBank } from '../../../main/interview/problem-bank';
import { tempDir } from './cli-helpers';
import { customValidatorPackage, floatPackage, scoringPackage, writeTree, type Tree } from './kattis-fixtures';

const enc = (s: string) => new TextEncoder().encode(s);
const asFiles = (tree: Tree) => new Map(Object.entries(tree).map(([k, v]) => [k, enc(v)]));

let dataDir: string;
let bank: ProblemBank;
beforeEach(() => {
  dataDir = tempDir('cc-bank-');
  bank = ProblemBank.open(dataDir);
});
afterEach(() => bank.close());

describe('problem bank', () => {
  it('keeps its file private to the user', () => {
    expect(statSync(path.join(dataDir, BANK_FILE)).mode & 0o777).toBe(0o600);
  });

  it('imports a folder and exports the same files back, byte for byte', () => {
    const tree = { ...scoringPackage(), 'problem_statement/figure.svg': '<svg/>', 'data/secret/g1/1.desc': 'smallest case', 'submissions/accepted/README': 'notes' };
    const dir = writeTree(path.join(tempDir('cc-pkg-'), 'list-sum'), tree);
    expect(bank.importPath(dir)).toEqual({ id: 'list-sum', replaced: false });
    const out = path.join(tempDir('cc-out-'), 'x');
    bank.export('list-sum', out);
    expect(Object.fromEntries([...readPackageFolder(out)].map(([k, v]) => [k, new TextDecoder().decode(v)]))).toEqual(tree);
    const zipped = readPackageZip(writePackageZip(bank.files('list-sum'), 'list-sum'));
    expect([...zipped.keys()].sort()).toEqual(Object.keys(tree).sort());
  });

  it('parses groups, submissions, starters and statements', () => {
    bank.importFiles(asFiles(scoringPackage()), 'list-sum', 'test');
    const pkg = bank.get('list-sum');
    expect(pkg).toMatchObject({ name: 'List Sum', type: 'scoring', statedTimeLimitMs: 2000, validation: 'default' });
    expect(pkg.tests.map((t) => t.name)).toEqual(['data/sample/01', 'data/secret/g1/1', 'data/secret/g1/2', 'data/secret/g1/3', 'data/secret/g2/1', 'data/secret/g2/2']);
    expect(pkg.groups.find((g) => g.path === 'data/secret/g2')!.effective).toMatchObject({ accept_score: 70, grader_flags: 'min', on_reject: 'continue' });
    expect(pkg.submissions.map((s) => [s.path, s.expected, s.language])).toContainEqual(['submissions/wrong_answer/int32.cpp', 'wrong-answer', 'cpp']);
    expect(pkg.starters.map((s) => s.language).sort()).toEqual(['cpp', 'python']);
    expect(pkg.statements[0]!.markdown).toContain('$\\sum a_i$');
  });

  it('accepts statement/ as well as problem_statement/, and a zip of one folder', () => {
    const zip = writePackageZip(asFiles(floatPackage()), 'divide');
    const outcome = bank.importFiles(readPackageZip(zip), 'divide.zip', 'zip');
    expect(outcome.id).toBe('divide');
    expect(bank.get('divide').statements[0]).toMatchObject({ path: 'statement/problem.en.md', language: 'en' });
    expect(bank.get('divide').validatorFlags).toMatchObject({ floatAbsoluteTolerance: 1e-6, floatRelativeTolerance: 1e-6 });
  });

  it('turns a zip of inputNN.txt / outputNN.txt pairs into a Kattis package', () => {
    const zip = zipSync({ 'input00.txt': enc('1 2\n'), 'output00.txt': enc('3\n'), 'input01.txt': enc('5 5\n'), 'output01.txt': enc('10\n') });
    const { id } = bank.importFiles(readPackageZip(zip), 'a-plus-b.zip', 'zip');
    expect(id).toBe('a-plus-b');
    const files = bank.files(id);
    expect([...files.keys()].sort()).toEqual(['data/secret/00.ans', 'data/secret/00.in', 'data/secret/01.ans', 'data/secret/01.in', 'problem.yaml', 'problem_statement/problem.en.md']);
    expect(bank.list()[0]).toMatchObject({ id, secretTests: 2, samples: 0 });
  });

  it('keeps the custom validator and lists problems', () => {
    bank.importFiles(asFiles(customValidatorPackage()), 'split', 'test');
    expect(bank.get('split').validator).toMatchObject({ name: 'split', language: 'cpp', entry: 'validate.cpp' });
    expect(bank.list()).toEqual([expect.objectContaining({ id: 'split', validation: 'custom', samples: 1, secretTests: 3 })]);
    expect(bank.delete('split')).toBe(true);
    expect(bank.list()).toEqual([]);
  });

  it('says which id is unknown', () => {
    expect(() => bank.get('nope')).toThrow(/no problem "nope"/);
    expect(() => bank.get('../etc')).toThrow(/not a problem id/);
  });
});

describe('bad packages', () => {
  const bad: [string, (t: Tree) => void, RegExp][] = [
    ['an answer file is missing', (t) => delete t['data/secret/g1/2.ans'], /^data\/secret\/g1\/2\.in: has no answer file/],
    ['a field has the wrong type', (t) => (t['problem.yaml'] = 'name: X\nlimits:\n  time_limit: fast\n'), /^problem\.yaml: field "limits\.time_limit"/],
    ['problem.yaml is not YAML', (t) => (t['problem.yaml'] = 'name: [unclosed\n'), /^problem\.yaml: is not valid YAML/],
    ['an interactive problem has no interactor', (t) => (t['problem.yaml'] = 'name: X\nvalidation: custom interactive\n'), /^output_validators\/: is missing or empty, but problem\.yaml says validation: custom interactive/],
    ['an interactive problem has no custom validation', (t) => (t['problem.yaml'] = 'name: X\nvalidation: default interactive\n'), /^problem\.yaml: field "validation": an interactive problem needs its own validator/],
    ['a validator flag is unknown', (t) => (t['problem.yaml'] = 'name: X\nvalidator_flags: float_tolerance\n'), /^problem\.yaml: field "validator_flags": float_tolerance needs a non-negative number/],
    ['the statement is missing', (t) => delete t['problem_statement/problem.en.md'], /^problem_statement\/problem\.en\.md: is missing/],
    ['a starter names no language', (t) => (t['starters/cobol/main.cob'] = 'x'), /^starters\/cobol\/main\.cob: "cobol" is not a sandbox language/],
    ['a testdata.yaml field is wrong', (t) => (t['data/secret/g1/testdata.yaml'] = 'accept_score: lots\n'), /^data\/secret\/g1\/testdata\.yaml: field "accept_score"/],
    ['custom validation has no validator', (t) => (t['problem.yaml'] = 'name: X\nvalidation: custom\n'), /^output_validators\/: is missing/],
  ];

  for (const [what, spoil, message] of bad) {
    it(`refuses a package where ${what}, and the bank keeps the old version`, () => {
      bank.importFiles(asFiles(scoringPackage()), 'list-sum', 'good');
      const before = bank.files('list-sum');
      const tree = scoringPackage();
      spoil(tree);
      expect(() => bank.importFiles(asFiles(tree), 'list-sum', 'bad')).toThrow(message);
      expect(bank.files('list-sum')).toEqual(before);
      expect(bank.list().map((p) => [p.id, p.origin])).toEqual([['list-sum', 'good']]);
    });
  }

  it('refuses zips whose paths climb out or are absolute', () => {
    for (const name of ['../evil.txt', 'pkg/../../evil.txt', '/etc/passwd']) {
      const zip = zipSync({ 'problem.yaml': enc('name: X\n'), [name]: enc('x') });
      expect(() => readPackageZip(zip, 'evil.zip')).toThrow(/would leave the workspace|the path is absolute/);
    }
    expect(bank.list()).toEqual([]);
  });

  it('refuses what is not a zip', () => {
    expect(() => readPackageZip(enc('hello'), 'x.zip')).toThrow(/^x\.zip: is not a readable zip/);
  });
});
