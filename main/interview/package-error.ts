// A package that cannot be imported: says which file (and field) is wrong and why, so the author
// can fix it without reading our code.
export class ProblemPackageError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ProblemPackageError';
  }
}
