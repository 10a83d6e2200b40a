/**
 * The one validator of corpus files. Start-up, reloads (in their worker), uploads, the trash listing and
 * `corpus check` all run {@link checkFileSteps} on a file's bytes, so they agree on every file: it decodes,
 * parses, holds each document to {@link CORPUS_LIMITS} and cuts it into passages, reporting every problem
 * with its place and code (src/messages words it: `file:line: what is wrong`) and never throwing.
 */
import { extname } from 'node:path';
import { runNow, type Steps } from '../contract/steps.js';
import { DOCUMENT_PARSERS, type DocumentExtension, jsonlSteps, lineAt, type ParsedFile } from './formats.js';
import { CORPUS_LIMITS, checkTextLimits, sizeOf } from './limits.js';
import { type CorpusProblem, notice, type ProblemNotice } from './problems.js';
import {
  GLOSSARY_FILE,
  JAPANESE_FILE,
  parseGlossary,
  parseJapanese,
  parseSpeakers,
  SPEAKERS_FILE,
} from './registry.js';
import { segmentDocument } from './segment.js';
import type { CorpusDocument, GlossaryEntry, Passage, SpeakerEntry } from './types.js';

/** A valid document of a file: where it starts in the file, and its passages. */
export interface CheckedDocument {
  document: CorpusDocument;
  line: number;
  passages: Passage[];
}

/** What one corpus file holds once checked: its valid documents or register entries, and its problems. */
export interface CheckedFile {
  documents: CheckedDocument[];
  /** The entries of `speakers.yaml` (null for any other file). */
  speakers: SpeakerEntry[] | null;
  /** The entries of `glossary.yaml` or of `japanese.yaml`, the bilingual register (null for any other file). */
  glossary: GlossaryEntry[] | null;
  /** At most {@link CORPUS_LIMITS.problemsPerFile}, then one saying how many more. */
  problems: CorpusProblem[];
}

/** Whether the corpus reads a file of this name: a document (by extension) or a register. */
export function isCorpusFileName(name: string): boolean {
  return isRegisterFile(name) || extname(name).toLowerCase() in DOCUMENT_PARSERS;
}

/** Bytes decoded per step: a 100 MB bulk file must not hold the event loop for the whole of it. */
const DECODE_CHUNK = 1 << 20;

/** Whether `name` is one of the registers (speakers, glossary, the bilingual register). */
function isRegisterFile(name: string): boolean {
  return name === SPEAKERS_FILE || name === GLOSSARY_FILE || name === JAPANESE_FILE;
}

/** {@link checkFileSteps}, run to the end at once. */
export function checkFile(name: string, bytes: Uint8Array): CheckedFile {
  return runNow(checkFileSteps(name, bytes));
}

/**
 * Checks the file `name` (relative to the corpus folder) holding `bytes`, in small steps (see `steps.ts`).
 * Never throws: whatever it cannot accept is a problem.
 */
export function* checkFileSteps(name: string, bytes: Uint8Array): Steps<CheckedFile> {
  const result: CheckedFile = { documents: [], speakers: null, glossary: null, problems: [] };
  const ext = extname(name).toLowerCase();
  const isRegister = isRegisterFile(name);
  const limit = ext === '.jsonl' && !isRegister ? CORPUS_LIMITS.fileBytes : CORPUS_LIMITS.documentBytes;
  if (bytes.byteLength > limit) {
    result.problems.push({
      file: name,
      ...notice('problem.fileOverLimit', {
        size: sizeOf(bytes.byteLength),
        what: notice(ext === '.jsonl' ? 'kind.jsonlFile' : 'kind.document'),
        max: sizeOf(limit),
      }),
    });
    return result;
  }
  try {
    let parsed: ParsedFile;
    if (ext === '.jsonl' && !isRegister) parsed = yield* jsonlSteps(name, bytes);
    else {
      const decoded = yield* decodeSteps(name, bytes);
      if ('problem' in decoded) {
        result.problems.push(decoded.problem);
        return result;
      }
      const tooLong = checkTextLimits(decoded.text);
      if (tooLong) {
        result.problems.push({ file: name, ...tooLong });
        return result;
      }
      if (isRegister) {
        // The bilingual register is more glossary: Japanese wordings of the corpus's words.
        const register =
          name === SPEAKERS_FILE
            ? parseSpeakers(name, decoded.text)
            : (name === GLOSSARY_FILE ? parseGlossary : parseJapanese)(name, decoded.text);
        if (name === SPEAKERS_FILE) result.speakers = register.entries as SpeakerEntry[];
        else result.glossary = register.entries as GlossaryEntry[];
        appendProblems(result.problems, register.problems);
        return capped(result);
      }
      parsed = DOCUMENT_PARSERS[ext as DocumentExtension](name, decoded.text);
    }
    appendProblems(result.problems, parsed.problems);
    const fromJsonl = ext === '.jsonl';
    for (const { document, line, textLine } of parsed.documents) {
      yield;
      const problem = documentProblem(document, fromJsonl);
      if (problem) {
        const at = problem.inText && !fromJsonl ? textLine + problem.line - 1 : line;
        result.problems.push({ file: name, line: at, ...problem.notice });
        continue;
      }
      const passages = segmentDocument(document);
      if (passages.length > CORPUS_LIMITS.passagesPerDocument) {
        const first = passages[CORPUS_LIMITS.passagesPerDocument] as Passage;
        result.problems.push({
          file: name,
          line: fromJsonl ? line : textLine + lineAt(document.text, first.start) - 1,
          ...notice('problem.tooManyPassages', {
            id: document.id,
            passages: passages.length,
            max: CORPUS_LIMITS.passagesPerDocument,
          }),
        });
        continue;
      }
      result.documents.push({ document, line, passages });
    }
  } catch (err) {
    // Not expected: the limits above keep every stage within its means. Reported, never thrown.
    result.documents = [];
    result.problems.push({
      file: name,
      ...notice('problem.uncheckable', { reason: (err as Error).message }),
    });
  }
  return capped(result);
}

/**
 * What is wrong with one parsed document against the limits, or null; `line` is a line of its text when
 * `inText`. A `.jsonl` document's text was a JSON string: its lines are not lines of the file.
 */
function documentProblem(
  doc: CorpusDocument,
  fromJsonl: boolean,
): { inText: boolean; line: number; notice: ProblemNotice } | null {
  if (doc.title.length > CORPUS_LIMITS.titleChars) {
    return {
      inText: false,
      line: 1,
      notice: notice('problem.titleTooLong', { length: doc.title.length, max: CORPUS_LIMITS.titleChars }),
    };
  }
  const title = checkTextLimits(doc.title);
  if (title)
    return { inText: false, line: 1, notice: notice('problem.titleHas', { problem: limitOf(title) }) };
  const text = checkTextLimits(doc.text);
  if (!text) return null;
  return {
    inText: true,
    line: text.line,
    notice: fromJsonl ? notice('problem.textHas', { problem: limitOf(text) }) : limitOf(text),
  };
}

/** The notice of a broken text limit, without its line. */
function limitOf({ code, values }: ProblemNotice): ProblemNotice {
  return notice(code, values);
}

/** Appends one by one: spreading a list of 100k problems into `push` overflows the stack. */
function appendProblems(to: CorpusProblem[], problems: CorpusProblem[]): void {
  for (const problem of problems) to.push(problem);
}

/** Keeps the first {@link CORPUS_LIMITS.problemsPerFile} problems and says how many more there were. */
function capped(result: CheckedFile): CheckedFile {
  const { problemsPerFile } = CORPUS_LIMITS;
  const extra = result.problems.length - problemsPerFile;
  if (extra > 0) {
    const file = result.problems[0]?.file ?? '';
    result.problems.length = problemsPerFile;
    result.problems.push({
      file,
      ...notice('problem.more', { n: extra }),
      more: extra,
    });
  }
  return result;
}

/**
 * Decodes a file a megabyte a step (a character split between chunks is carried over), reporting bytes that
 * are not UTF-8, with their line, instead of silently replacing them.
 */
function* decodeSteps(file: string, bytes: Uint8Array): Steps<{ text: string } | { problem: CorpusProblem }> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  try {
    for (let at = 0; at < bytes.length; at += DECODE_CHUNK) {
      parts.push(decoder.decode(bytes.subarray(at, at + DECODE_CHUNK), { stream: true }));
      yield;
    }
    parts.push(decoder.decode());
  } catch {
    return { problem: { file, line: firstLineNotUtf8(bytes), ...notice('problem.notUtf8') } };
  }
  return { text: parts.join('').replace(/^\uFEFF/, '') };
}

/** The 1-based line holding the first bytes that are not UTF-8 (a newline byte is never inside a character). */
function firstLineNotUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  for (let start = 0; start <= bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    start = end + 1;
  }
  return line;
}
