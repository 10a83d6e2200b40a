import { notice, type ProblemNotice } from './problems.js';

/**
 * What a corpus file may hold. One table, read by the one validator that start-up, reloads, uploads and
 * `corpus check` all run (see `validate.ts`), and listed in the README: a file past a limit is refused
 * with `file:line: what is wrong`, the rest of the corpus loads. The limits keep every later stage
 * (segmentation, the word pattern, the YAML parser, the index) far from where it would exhaust the stack,
 * the heap or the event loop.
 */
export const CORPUS_LIMITS = {
  /** Bytes of one file: a bulk `.jsonl` holds many documents, and is read a line at a time. */
  fileBytes: 256 * 1024 * 1024,
  /** Bytes of one document: a `.md` or `.txt` file, a `.jsonl` line, a register file. */
  documentBytes: 4 * 1024 * 1024,
  /** Passages one document may be cut into. */
  passagesPerDocument: 10_000,
  /** Characters of one word: letters, digits and marks in a row, what the index takes as one term. */
  wordChars: 1_000,
  /** Characters of one line of a document or register file. */
  lineChars: 100_000,
  /** Characters of a title. */
  titleChars: 500,
  /** Bytes of a Markdown front-matter block. */
  frontMatterBytes: 64 * 1024,
  /** Nesting of YAML collections (lists and mappings inside each other). */
  yamlDepth: 32,
  /** YAML aliases (`*name`) in one file. */
  yamlAliases: 100,
  /** Problems reported per file; past it, one line says how many more there are. */
  problemsPerFile: 50,
  /** Milliseconds reading one file may take. */
  readMs: 10_000,
} as const;

/** A size as problems say it: `4 MB`, `64 KB`, `300 bytes`. */
export function sizeOf(bytes: number): ProblemNotice {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0)
    return notice('size.mb', { n: bytes / (1024 * 1024) });
  if (bytes >= 1024 && bytes % 1024 === 0) return notice('size.kb', { n: bytes / 1024 });
  return notice('size.bytes', { n: bytes });
}

/** Where a text first breaks a line or word limit, and how, or null. */
export interface TextLimitProblem extends ProblemNotice {
  /** 1-based line, counted from the start of the text. */
  line: number;
}

/** Whether each UTF-16 code unit is part of a word (1), or not (2); 0 until first looked up. */
const WORD_UNITS = new Uint8Array(0x10000);
const WORD_CHAR = /^[\p{L}\p{N}\p{M}'’‘`´]$/u;

function isWordUnit(code: number): boolean {
  let known = WORD_UNITS[code];
  if (known === 0) {
    // Halves of a surrogate pair count as word characters: a run of astral letters is a word too.
    const word = (code >= 0xd800 && code <= 0xdfff) || WORD_CHAR.test(String.fromCharCode(code));
    known = word ? 1 : 2;
    WORD_UNITS[code] = known;
  }
  return known === 1;
}

/**
 * The first line longer than {@link CORPUS_LIMITS.lineChars} or word longer than
 * {@link CORPUS_LIMITS.wordChars} in `text`, in one linear pass (a regular expression such as
 * `[^\n]{100001}` would try every start again: quadratic on the long lines it is meant to catch).
 */
export function checkTextLimits(text: string): TextLimitProblem | null {
  const { lineChars, wordChars } = CORPUS_LIMITS;
  let line = 1;
  let lineStart = 0;
  let wordStart = -1;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0x0a;
    if (code === 0x0a) {
      if (i - lineStart > lineChars)
        return { line, ...notice('problem.lineTooLong', { length: i - lineStart, max: lineChars }) };
      line++;
      lineStart = i + 1;
    }
    if (code !== 0x0a && isWordUnit(code)) {
      if (wordStart < 0) wordStart = i;
      else if (i - wordStart >= wordChars) {
        let end = i;
        while (end < text.length && isWordUnit(text.charCodeAt(end))) end++;
        return { line, ...notice('problem.wordTooLong', { length: end - wordStart, max: wordChars }) };
      }
    } else wordStart = -1;
  }
  return null;
}
