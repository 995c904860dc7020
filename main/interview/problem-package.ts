// The parsed form of a problem package: what the bank stores and the judge runs. `files` keeps
// every file of the package as it came, so export gives back exactly what was imported.
import type { LanguageId } from '../../common/languages';
import type { JudgeVerdict, ProblemType, ProblemYaml, TestdataYaml, ValidatorFlags } from '../../common/problem';
import type { PackageFiles } from './package-files';

export interface TestCase {
  /** Path without extension, e.g. "data/secret/group1/03". */
  name: string;
  /** The folder it is in, e.g. "data/secret/group1". */
  group: string;
  sample: boolean;
  input: Uint8Array;
  answer: Uint8Array;
}

export interface TestGroup {
  /** "data/sample", "data/secret", "data/secret/group1", … */
  path: string;
  /** This folder's own testdata.yaml (null when it has none). */
  own: TestdataYaml | null;
  /** What applies here: the folder's own settings over its parents'. */
  effective: TestdataYaml;
}

export interface SourceFile {
  path: string;
  content: Uint8Array;
}

export interface OutputValidator {
  name: string;
  language: LanguageId;
  /** Paths relative to the validator's folder. */
  files: SourceFile[];
  entry: string;
}

export interface Submission {
  /** The package path of the file or folder, e.g. "submissions/accepted/sol.py". */
  path: string;
  expected: JudgeVerdict;
  language: LanguageId;
  /** Paths relative to the submission (a single file keeps its own name). */
  files: SourceFile[];
  entry: string;
}

export interface Starter {
  language: LanguageId;
  files: SourceFile[];
}

export interface Statement {
  language: string;
  path: string;
  markdown: string;
}

export interface ProblemPackage {
  id: string;
  name: string;
  type: ProblemType;
  yaml: ProblemYaml;
  /** Time limit the package states (problem.yaml limits.time_limit or .timelimit), in ms. */
  statedTimeLimitMs: number | null;
  statements: Statement[];
  tests: TestCase[];
  groups: TestGroup[];
  validation: 'default' | 'custom';
  /**
   * `validation: custom interactive`: the validator is the interactor. It runs beside the program
   * with its stdin on the program's stdout and its stdout on the program's stdin.
   */
  interactive: boolean;
  validatorFlags: ValidatorFlags;
  /** Raw flags text, passed as arguments to a custom validator. */
  validatorFlagsText: string;
  validator: OutputValidator | null;
  submissions: Submission[];
  starters: Starter[];
  files: PackageFiles;
}
