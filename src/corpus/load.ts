import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { runInSlices, runNow, type Steps } from '../contract/steps.js';
import { DOCUMENT_PARSERS, type DocumentExtension, jsonlSteps, type ParsedFile } from './formats.js';
import { CorpusError, type CorpusProblem } from './problems.js';
import { GLOSSARY_FILE, parseGlossary, parseSpeakers, SPEAKERS_FILE } from './registry.js';
import { segmentDocument } from './segment.js';
import type { Corpus, CorpusDocument, GlossaryEntry, Passage, SpeakerEntry } from './types.js';

/** A corpus as far as it loaded, and every problem found on the way. */
export interface LoadResult {
  corpus: Corpus;
  problems: CorpusProblem[];
}

/** Bytes decoded per step: a 100 MB bulk file must not hold the event loop for the whole of it. */
const DECODE_CHUNK = 1 << 20;

/** Decodes a file, reporting bytes that are not UTF-8 instead of silently replacing them. */
export function decodeUtf8(file: string, bytes: Uint8Array): { text: string } | { problem: CorpusProblem } {
  return runNow(decodeSteps(file, bytes));
}

/** {@link decodeUtf8} as steps, a megabyte each (a character split between chunks is carried over). */
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
    return { problem: { file, message: 'the file is not valid UTF-8 text' } };
  }
  return { text: parts.join('').replace(/^\uFEFF/, '') };
}

/**
 * Loads every document and register file directly inside `dir` (hidden files and folders such as `.trash/`
 * are skipped) and splits the documents into passages. Broken files are left out and reported; use
 * {@link loadCorpusStrict} where one broken file must stop everything.
 */
export async function loadCorpus(dir: string): Promise<LoadResult> {
  const problems: CorpusProblem[] = [];
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true }))
      // A symbolic link is read as the file it points to (a dangling one is reported when read).
      .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort();
  } catch (err) {
    const reason =
      (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'the corpus folder does not exist' : String(err);
    return { corpus: emptyCorpus(), problems: [{ file: dir, message: reason }] };
  }

  const documents: CorpusDocument[] = [];
  let speakers: SpeakerEntry[] = [];
  let glossary: GlossaryEntry[] = [];
  const firstSeen = new Map<string, string>();
  const addDocuments = (name: string, parsed: ParsedFile) => {
    problems.push(...parsed.problems);
    for (const doc of parsed.documents) {
      const other = firstSeen.get(doc.id);
      if (other !== undefined) {
        problems.push({
          file: name,
          message: `duplicate document id "${doc.id}" (already used in ${other})`,
        });
        continue;
      }
      firstSeen.set(doc.id, name);
      documents.push(doc);
    }
  };
  for (const name of names) {
    const ext = extname(name).toLowerCase();
    const isRegister = name === SPEAKERS_FILE || name === GLOSSARY_FILE;
    if (!isRegister && !(ext in DOCUMENT_PARSERS)) continue;
    let bytes: Uint8Array;
    try {
      bytes = await readFile(join(dir, name));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'unknown error';
      problems.push({
        file: name,
        message: `the file cannot be read (${code}): a broken link, or not a file`,
      });
      continue;
    }
    if (ext === '.jsonl') {
      addDocuments(name, await runInSlices(jsonlSteps(name, bytes)));
      continue;
    }
    const decoded = await runInSlices(decodeSteps(name, bytes));
    if ('problem' in decoded) {
      problems.push(decoded.problem);
      continue;
    }
    if (name === SPEAKERS_FILE) {
      const parsed = parseSpeakers(name, decoded.text);
      problems.push(...parsed.problems);
      speakers = parsed.entries;
      continue;
    }
    if (name === GLOSSARY_FILE) {
      const parsed = parseGlossary(name, decoded.text);
      problems.push(...parsed.problems);
      glossary = parsed.entries;
      continue;
    }
    addDocuments(name, DOCUMENT_PARSERS[ext as DocumentExtension](name, decoded.text));
  }
  const passages = await runInSlices(segmentSteps(documents));
  return { corpus: { documents, passages, speakers, glossary }, problems };
}

/** Loads `dir` all or nothing: throws a {@link CorpusError} listing every problem if any file is broken. */
export async function loadCorpusStrict(dir: string): Promise<Corpus> {
  const { corpus, problems } = await loadCorpus(dir);
  if (problems.length > 0) throw new CorpusError(problems);
  return corpus;
}

/** Splits documents into passages, one document a step. */
function* segmentSteps(documents: CorpusDocument[]): Steps<Passage[]> {
  const passages: Passage[] = [];
  for (const doc of documents) {
    passages.push(...segmentDocument(doc));
    yield;
  }
  return passages;
}

function emptyCorpus(): Corpus {
  return { documents: [], passages: [], speakers: [], glossary: [] };
}
