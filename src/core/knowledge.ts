import { createHash } from 'node:crypto';
import { type AskContext, ask } from '../answer/ask.js';
import { PeopleFinder } from '../answer/entities.js';
import { PassageReader, Referents } from '../answer/referents.js';
import { runInSlices, runNow, type Steps } from '../corpus/steps.js';
import type { Corpus } from '../corpus/types.js';
import { quoteIndexSteps } from '../quotes/index.js';
import { Glossary, speakerGlossary } from '../search/glossary.js';
import { INDEX_OPTIONS, PassageIndex } from '../search/index.js';
import type { KnowledgeBase, SourceInfo } from './types.js';

/** Bumped when analysis or segmentation changes, so corpus versions (and persisted indexes) change too. */
const PIPELINE_VERSION = 1;

/**
 * Short content hash of a corpus: documents (metadata and text), registers and the index options. Two
 * corpora with the same version answer the same way.
 */
export function corpusVersion(corpus: Corpus): string {
  return runNow(versionSteps(corpus));
}

function* versionSteps(corpus: Corpus): Steps<string> {
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
  return hash.digest('hex').slice(0, 10);
}

/** Builds everything the adapters query from a loaded corpus. The result never changes; reloads build anew. */
export function buildKnowledgeBase(corpus: Corpus): KnowledgeBase {
  return runNow(knowledgeBaseSteps(corpus));
}

/**
 * {@link buildKnowledgeBase} a few milliseconds at a time, so that a running bot keeps answering from the old
 * knowledge base while the new one is built.
 */
export function buildKnowledgeBaseInSlices(corpus: Corpus): Promise<KnowledgeBase> {
  return runInSlices(knowledgeBaseSteps(corpus));
}

function* knowledgeBaseSteps(corpus: Corpus): Steps<KnowledgeBase> {
  const index = yield* PassageIndex.steps(corpus);
  const quotes = yield* quoteIndexSteps(corpus);
  const version = yield* versionSteps(corpus);
  const documents = new Map(corpus.documents.map((d) => [d.id, d]));
  const context: AskContext = {
    index,
    glossary: new Glossary([...corpus.glossary, ...speakerGlossary(corpus.speakers)]),
    documents,
    people: new PeopleFinder(corpus.speakers),
    reader: new PassageReader(index, new Referents(corpus.speakers, quotes.attributions()), documents),
    quotes,
  };
  const passagesPerDocument = new Map<string, number>();
  for (const p of corpus.passages)
    passagesPerDocument.set(p.docId, (passagesPerDocument.get(p.docId) ?? 0) + 1);
  const sources: SourceInfo[] = corpus.documents.map((d) => ({
    id: d.id,
    title: d.title,
    kind: d.kind,
    published: d.published,
    publisher: d.publisher,
    url: d.url,
    passages: passagesPerDocument.get(d.id) ?? 0,
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
