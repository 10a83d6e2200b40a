/** One thing wrong with a corpus file, located for the person who has to fix it. */
export interface CorpusProblem {
  /** Path of the file, relative to the corpus folder. */
  file: string;
  /** 1-based line number, when the problem has one. */
  line?: number;
  /** What is wrong, in plain words. */
  message: string;
  /** Set on the line that stands for problems a capped list leaves out: how many it stands for. */
  more?: number;
}

/** How many problems a list holds, counting those a capped file's last line stands for. */
export function countProblems(problems: readonly CorpusProblem[]): number {
  let total = 0;
  for (const problem of problems) total += problem.more ?? 1;
  return total;
}

/** `file:line: message`, the form editors and CI logs understand. */
export function formatProblem(problem: CorpusProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  return `${where}: ${problem.message}`;
}

/** Thrown when a corpus must load whole (a reload, `corpus check`) and some file is broken. */
export class CorpusError extends Error {
  override name = 'CorpusError';
  constructor(readonly problems: CorpusProblem[]) {
    const total = countProblems(problems);
    super(`Corpus: ${total} problem${total === 1 ? '' : 's'}\n${problems.map(formatProblem).join('\n')}`);
  }
}

/** A YAML parser message without its own "at line X, column Y" (ours counts lines of the whole file). */
export function yamlMessage(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
