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

/** The question sets of the uploaded documents, one per document. */
export function uploadedSets(): string[] {
  return readdirSync(UPLOADED_DIR)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(UPLOADED_DIR, f));
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
  const dir = mkdtempSync(join(tmpdir(), 'accord-uploaded-'));
  try {
    cpSync(corpusDir, dir, { recursive: true });
    for (const file of uploadedDocuments()) cpSync(file, join(dir, basename(file)));
    return await loadCorpusStrict(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
