import { createHash } from 'node:crypto';
import { type AskContext, ask } from '../answer/ask.js';
import { PeopleFinder } from '../answer/entities.js';
import { PassageReader, Referents } from '../answer/referents.js';
import { runInSlices, runNow, type Steps } from '../corpus/steps.js';
import type { Corpus } from '../corpus/types.js';
import { type QuoteIndex, quoteIndexFromSnapshot, quoteIndexSteps } from '../quotes/index.js';
import { Glossary, speakerGlossary } from '../search/glossary.js';
import { INDEX_OPTIONS, PassageIndex } from '../search/index.js';
import { type SnapshotStore, snapshotKey } from './snapshot.js';
import type { KnowledgeBase, SourceInfo } from './types.js';

/** Bumped when analysis or segmentation changes, so corpus versions change too. */
const PIPELINE_VERSION = 1;

/**
 * Short content hash of a corpus: documents (metadata and text), registers and the index options. Two
 * corpora with the same version answer the same way.
 */
export function corpusVersion(corpus: Corpus): string {
  return versionOf(runNow(contentHashSteps(corpus)));
}

const versionOf = (contentHash: string) => contentHash.slice(0, 10);

/** The whole SHA-256 (hex) behind {@link corpusVersion}. */
function* contentHashSteps(corpus: Corpus): Steps<string> {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ pipeline: PIPELINE_VERSION, options: Object.keys(INDEX_OPTIONS).sort() }));
  for (const doc of corpus.documents) {
    hash.update(
      JSON.stringify([doc.id, doc.title, doc.kind, doc.url, doc.published, doc.publisher, doc.bodyStart]),
    );
    hash.update(doc.text);
    yield;
  }
  hash.update(JSON.stringify([corpus.speakers, corpus.glossary]));
  return hash.digest('hex');
}

/** How {@link buildKnowledgeBase} may skip work. */
export interface BuildOptions {
  /** Load the index from here when a snapshot of this corpus is saved; save one after building. */
  snapshots?: SnapshotStore;
}

/** Builds everything the adapters query from a loaded corpus. The result never changes; reloads build anew. */
export function buildKnowledgeBase(corpus: Corpus, options: BuildOptions = {}): KnowledgeBase {
  const store = options.snapshots;
  const contentHash = runNow(contentHashSteps(corpus));
  const version = versionOf(contentHash);
  const key = store ? keyOrNull(store, contentHash) : null;
  if (!store || key === null) return runNow(knowledgeBaseSteps(corpus, version)).knowledgeBase;
  const started = performance.now();
  const saved = store.read(key);
  if ('index' in saved) {
    try {
      const knowledgeBase = assemble(
        corpus,
        version,
        PassageIndex.fromSnapshot(corpus, saved.index),
        quoteIndexFromSnapshot(corpus, saved.quotes),
      );
      store.loaded(key, performance.now() - started);
      return knowledgeBase;
    } catch (err) {
      store.warn((err as Error).message, key);
    }
  } else if (saved.reason === 'unusable') {
    store.warn(saved.detail, key);
  }
  const built = runNow(knowledgeBaseSteps(corpus, version));
  store.write(key, { index: built.index.toSnapshot(corpus), quotes: built.quotes.toSnapshot() });
  return built.knowledgeBase;
}

/** The snapshot key, or `null` (logged) when the code cannot be fingerprinted: then build without snapshots. */
function keyOrNull(store: SnapshotStore, contentHash: string): string | null {
  try {
    return snapshotKey(contentHash);
  } catch (err) {
    store.warn((err as Error).message);
    return null;
  }
}

/**
 * {@link buildKnowledgeBase} a few milliseconds at a time, so that a running bot keeps answering from the old
 * knowledge base while the new one is built. It neither reads nor saves snapshots: both hold the event loop
 * for as long as the index takes to (de)serialize.
 */
export async function buildKnowledgeBaseInSlices(corpus: Corpus): Promise<KnowledgeBase> {
  const version = versionOf(await runInSlices(contentHashSteps(corpus)));
  return (await runInSlices(knowledgeBaseSteps(corpus, version))).knowledgeBase;
}

interface Built {
  knowledgeBase: KnowledgeBase;
  index: PassageIndex;
  quotes: QuoteIndex;
}

function* knowledgeBaseSteps(corpus: Corpus, version: string): Steps<Built> {
  const index = yield* PassageIndex.steps(corpus);
  const quotes = yield* quoteIndexSteps(corpus);
  return { knowledgeBase: assemble(corpus, version, index, quotes), index, quotes };
}

/** The knowledge base over a corpus's index and quotes, however they were obtained. */
function assemble(corpus: Corpus, version: string, index: PassageIndex, quotes: QuoteIndex): KnowledgeBase {
  const documents = new Map(corpus.documents.map((d) => [d.id, d]));
  const context: AskContext = {
    index,
    glossary: new Glossary([...corpus.glossary, ...speakerGlossary(corpus.speakers)]),
    documents,
    people: new PeopleFinder(corpus.speakers),
    reader: new PassageReader(index, new Referents(corpus.speakers, quotes.attributions()), documents),
    quotes,
  };
  const sources: SourceInfo[] = corpus.documents.map((d) => ({
    id: d.id,
    title: d.title,
    kind: d.kind,
    published: d.published,
    publisher: d.publisher,
    url: d.url,
    passages: index.passagesOf(d.id).length,
  }));
  return {
    version,
    ask: (question, options) => ask(context, question, options),
    quote: (speaker, about) => quotes.quote(speaker, about),
    speakers: (prefix, limit = 25) => quotes.speakers(prefix, Math.min(limit, 25)),
    sources: () => sources,
    stats: () => ({
      documents: corpus.documents.length,
      passages: corpus.passages.length,
      quotes: quotes.count,
    }),
  };
}
