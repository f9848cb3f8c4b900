// Every problem found in a sweep file, with where it is: the editor underlines them, the CLI prints them.

export interface SweepProblem {
  /** Dotted key path ("parameters.train.learningRate.min"); '' for the file as a whole. */
  path: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  message: string;
}

export function formatProblem(p: SweepProblem): string {
  return `${p.path ? `${p.path}: ` : ''}${p.message} (line ${p.line}, column ${p.column})`;
}

export class SweepFileError extends Error {
  constructor(
    readonly fileName: string,
    readonly problems: SweepProblem[],
  ) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`${fileName}: ${count}\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    this.name = 'SweepFileError';
  }
}
