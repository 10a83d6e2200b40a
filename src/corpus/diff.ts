/**
 * Passage-level differences between two corpora, by content hash. Pure: the service diffs the live corpus
 * against the one it is about to swap in, and `corpus diff` diffs the folder against the last live manifest.
 */
import { createHash } from 'node:crypto';
import { runNow, type Steps } from '../contract/steps.js';
import type { Corpus } from './types.js';

/** The passages of one document, each as `[passage id, text hash]`, in document order. */
export interface ManifestDocument {
  id: string;
  /** Corpus-relative file the document came from. */
  file: string;
  passages: [id: string, hash: string][];
}

/** What is needed to diff a corpus later without keeping its text: passage ids and hashes per document. */
export interface CorpusManifest {
  /** The corpus version ({@link corpusVersion}) the manifest describes. */
  version: string;
  documents: ManifestDocument[];
}

/** How one document changed. Lists hold passage ids. */
export interface DocumentDiff {
  id: string;
  /** `added`/`removed`: the whole document came or went; `changed`: some of its passages did. */
  status: 'added' | 'removed' | 'changed';
  added: string[];
  changed: string[];
  removed: string[];
}

/** Every document that changed, in id order, with passage totals. */
export interface CorpusDiff {
  documents: DocumentDiff[];
  added: number;
  changed: number;
  removed: number;
}

/** Short hash of a passage's text: equal hashes mean the same words in the same place of the document. */
export function passageHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The manifest of a loaded corpus. */
export function manifestOf(corpus: Corpus, version: string): CorpusManifest {
  return runNow(manifestSteps(corpus, version));
}

/** {@link manifestOf} as steps, one passage each (see `steps.ts`): hashing 100k passages takes a while. */
export function* manifestSteps(corpus: Corpus, version: string): Steps<CorpusManifest> {
  const byDocument = new Map<string, [string, string][]>();
  for (const p of corpus.passages) {
    const list = byDocument.get(p.docId) ?? [];
    list.push([p.id, passageHash(p.text)]);
    byDocument.set(p.docId, list);
    yield;
  }
  return {
    version,
    documents: corpus.documents.map((d) => ({
      id: d.id,
      file: d.file,
      passages: byDocument.get(d.id) ?? [],
    })),
  };
}

/**
 * What changes from `before` to `after`: a passage is added or removed by id, and changed when its id
 * persists with another text hash.
 */
export function diffManifests(before: CorpusManifest, after: CorpusManifest): CorpusDiff {
  return runNow(diffSteps(before, after));
}

/** {@link diffManifests} as steps, one document each (see `steps.ts`). */
export function* diffSteps(before: CorpusManifest, after: CorpusManifest): Steps<CorpusDiff> {
  const old = new Map(before.documents.map((d) => [d.id, d.passages]));
  const next = new Map(after.documents.map((d) => [d.id, d.passages]));
  const ids = [...new Set([...old.keys(), ...next.keys()])].sort();
  const documents: DocumentDiff[] = [];
  for (const id of ids) {
    yield;
    const was = new Map(old.get(id) ?? []);
    const is = new Map(next.get(id) ?? []);
    const added = [...is.keys()].filter((p) => !was.has(p));
    const removed = [...was.keys()].filter((p) => !is.has(p));
    const changed = [...is.keys()].filter((p) => was.has(p) && was.get(p) !== is.get(p));
    if (added.length + removed.length + changed.length === 0) continue;
    const status = !old.has(id) ? 'added' : !next.has(id) ? 'removed' : 'changed';
    documents.push({ id, status, added, changed, removed });
  }
  const total = (key: 'added' | 'changed' | 'removed') =>
    documents.reduce((sum, d) => sum + d[key].length, 0);
  return { documents, added: total('added'), changed: total('changed'), removed: total('removed') };
}

/** {@link diffManifests} of two loaded corpora. */
export function diffCorpora(before: Corpus, after: Corpus): CorpusDiff {
  return diffManifests(manifestOf(before, ''), manifestOf(after, ''));
}

/** A diff with nothing in it (e.g. the first load, seen from itself). */
export function emptyDiff(): CorpusDiff {
  return { documents: [], added: 0, changed: 0, removed: 0 };
}
