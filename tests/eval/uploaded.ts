/**
 * Documents a moderator might add (`tests/eval/uploaded/documents/`: invented press releases on other space
 * topics), each with questions users would ask about it (`<id>.jsonl`). Each was written by someone who never
 * saw the code, so the engine is measured on text nobody tuned it for, the way `/corpus add` meets it.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import type { Corpus } from '../../src/corpus/types.js';

export const UPLOADED_DIR = resolve(import.meta.dirname, 'uploaded');

/** The question sets (`<id>.jsonl`) of `dir`, one per document, in name order. */
function questionSets(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(dir, f));
}

/** The question sets of the uploaded documents, one per document. */
export function uploadedSets(): string[] {
  return questionSets(UPLOADED_DIR);
}

const DOCUMENTS_DIR = join(UPLOADED_DIR, 'documents');

/** The uploaded documents' paths. */
export function uploadedDocuments(): string[] {
  return readdirSync(DOCUMENTS_DIR)
    .sort()
    .map((f) => join(DOCUMENTS_DIR, f));
}

/** The corpus of `corpusDir` with the uploaded documents added, as it stands after moderators added them. */
export async function withUploads(corpusDir: string): Promise<Corpus> {
  return withDocuments(corpusDir, uploadedDocuments());
}

/**
 * The documents of the 2 Dec sessions' held-out sets, seen since (`tests/eval/heldout-documents`: their README
 * says how they are asked): each `<id>.md` beside its question set `<id>.jsonl`.
 */
export const HELDOUT_DOCUMENTS_DIR = resolve(import.meta.dirname, 'heldout-documents');

/** The question sets of the held-out documents, one per document. */
export function heldoutDocumentSets(): string[] {
  return questionSets(HELDOUT_DOCUMENTS_DIR);
}

/**
 * The corpus the held-out documents' sets are asked over: `corpusDir`'s, the uploaded documents and every
 * held-out document.
 */
export async function withHeldoutDocuments(corpusDir: string): Promise<Corpus> {
  return withDocuments(corpusDir, [...uploadedDocuments(), ...heldoutDocumentSets().map(documentOfSet)]);
}

/** Every document's question set: {@link uploadedSets}, then {@link heldoutDocumentSets}. */
export function documentSets(): string[] {
  return [...uploadedSets(), ...heldoutDocumentSets()];
}

/** The document (its .md file) a question set of {@link uploadedSets} or {@link heldoutDocumentSets} asks about. */
export function documentOfSet(set: string): string {
  if (!set.startsWith(UPLOADED_DIR)) return set.replace(/\.jsonl$/, '.md');
  const document = uploadedDocuments().find((d) => basename(d, '.md') === basename(set, '.jsonl'));
  if (!document) throw new Error(`${set}: no document of that name in ${DOCUMENTS_DIR}`);
  return document;
}

/** The corpus of `corpusDir` with `documents` (paths of .md files) added. */
export async function withDocuments(corpusDir: string, documents: string[]): Promise<Corpus> {
  const dir = mkdtempSync(join(tmpdir(), 'accord-uploaded-'));
  try {
    cpSync(corpusDir, dir, { recursive: true });
    for (const file of documents) cpSync(file, join(dir, basename(file)));
    return await loadCorpusStrict(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
