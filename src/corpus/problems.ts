import type { Notice } from '../contract/types.js';

/**
 * The codes corpus problems are said with: each is a message of the catalogue (src/messages), which words
 * it in English and Japanese. `kind.*` and `size.*` are parts other problems fill in.
 */
export type ProblemCode =
  // The folder and reading files (read.ts)
  | 'problem.folderMissing'
  | 'problem.folderNotFolder'
  | 'problem.folderUnreadable'
  | 'problem.notRegular'
  | 'kind.folder'
  | 'kind.fifo'
  | 'kind.socket'
  | 'kind.device'
  | 'kind.other'
  | 'problem.linkMissing'
  | 'problem.linkOutside'
  | 'problem.unreadable'
  | 'problem.fileTooBig'
  | 'problem.changedWhileRead'
  | 'problem.grewTooBig'
  | 'problem.readTimeout'
  // The validator's limits (validate.ts, limits.ts)
  | 'problem.fileOverLimit'
  | 'kind.jsonlFile'
  | 'kind.document'
  | 'size.mb'
  | 'size.kb'
  | 'size.bytes'
  | 'problem.notUtf8'
  | 'problem.lineTooLong'
  | 'problem.wordTooLong'
  | 'problem.titleTooLong'
  | 'problem.titleHas'
  | 'problem.textHas'
  | 'problem.tooManyPassages'
  | 'problem.uncheckable'
  | 'problem.more'
  // YAML (yaml.ts): said without a subject, inside one of the problems naming what was read
  | 'yaml.tooDeep'
  | 'yaml.unreadable'
  | 'yaml.invalid'
  | 'yaml.tooManyAliases'
  | 'yaml.aliasesExpand'
  // Documents (formats.ts, load.ts)
  | 'problem.noFrontMatter'
  | 'problem.frontMatterOpen'
  | 'problem.frontMatterTooLong'
  | 'problem.frontMatter'
  | 'problem.frontMatterNotMap'
  | 'problem.unknownFrontMatterField'
  | 'problem.missingField'
  | 'problem.mustBeText'
  | 'problem.fieldNotText'
  | 'problem.idField'
  | 'problem.badId'
  | 'problem.idFromFileName'
  | 'problem.noBody'
  | 'problem.badLang'
  | 'problem.badUrl'
  | 'problem.badDate'
  | 'problem.badKind'
  | 'problem.emptyFile'
  | 'problem.titleOnly'
  | 'problem.lineTooBig'
  | 'problem.lineNotUtf8'
  | 'problem.notJson'
  | 'problem.notObject'
  | 'problem.unknownField'
  | 'problem.unknownFields'
  | 'problem.missingId'
  | 'problem.idType'
  | 'problem.textEmpty'
  | 'problem.idUsedOnLine'
  | 'problem.idUsedBy'
  // Registers (registry.ts)
  | 'problem.registryFile'
  | 'problem.registryList'
  | 'problem.entry'
  | 'problem.entryNotMap'
  | 'problem.entryYaml'
  | 'problem.unknownEntryField'
  | 'problem.listOfTexts'
  | 'problem.required'
  | 'problem.typedEmpty'
  | 'problem.bothNotBoolean'
  | 'problem.jaEmpty'
  | 'problem.jaNotJapanese';

/** What is wrong, as a code and its values (no words: the adapters say it in the reader's language). */
export type ProblemNotice = Notice<ProblemCode>;

/** One thing wrong with a corpus file, located for the person who has to fix it. */
export interface CorpusProblem extends ProblemNotice {
  /** Path of the file, relative to the corpus folder. */
  file: string;
  /** 1-based line number, when the problem has one. */
  line?: number;
  /** Set on the line that stands for problems a capped list leaves out: how many it stands for. */
  more?: number;
}

/** The notice `code` with `values`: one way to write them. */
export function notice(code: ProblemCode, values?: ProblemNotice['values']): ProblemNotice {
  return values ? { code, values } : { code };
}

/** How many problems a list holds, counting those a capped file's last line stands for. */
export function countProblems(problems: readonly CorpusProblem[]): number {
  let total = 0;
  for (const problem of problems) total += problem.more ?? 1;
  return total;
}

/** Where a problem is: `file:line`, or `file`. */
export function problemPlace(problem: CorpusProblem): string {
  return problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
}

/**
 * Thrown when a corpus must load whole (a reload, `corpus check`) and some file is broken. Its `message`
 * is for logs (places and codes); people are shown `problems`, worded by src/messages.
 */
export class CorpusError extends Error {
  override name = 'CorpusError';
  constructor(readonly problems: CorpusProblem[]) {
    const total = countProblems(problems);
    super(
      `Corpus: ${total} problem${total === 1 ? '' : 's'} (${problems.map((p) => `${problemPlace(p)} ${p.code}`).join('; ')})`,
    );
  }
}

/** A YAML parser message without its own "at line X, column Y" (ours counts lines of the whole file). */
export function yamlMessage(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
