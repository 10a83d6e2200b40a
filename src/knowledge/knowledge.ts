import { createHash } from 'node:crypto';
import { type AskContext, ask } from '../answer/ask.js';
import { PeopleFinder } from '../answer/entities.js';
import { PassageReader, Referents } from '../answer/referents.js';
import { currentWeights, type ScorerWeights } from '../answer/scorer.js';
import { runInSlices, runNow, type Steps } from '../contract/steps.js';
import type {
  AskOptions,
  AskResult,
  CorpusStats,
  KnowledgeBase,
  QuoteResult,
  SourceInfo,
  SpeakerChoice,
} from '../contract/types.js';
import type { Corpus, SpeakerEntry } from '../corpus/types.js';
import { QuoteIndex } from '../quotes/index.js';
import { Glossary, kanaNameGlossary, speakerGlossary } from '../search/glossary.js';
import { PassageIndex } from '../search/index.js';
import { answeringSettings } from './settings.js';
import { type KnowledgeSnapshot, type SnapshotStore, snapshotKey } from './snapshot.js';

/** Bumped when analysis or segmentation changes, so corpus versions change too. */
const PIPELINE_VERSION = 19;

/**
 * Short content hash of a corpus: documents (metadata and text), registers, and the settings that change
 * answers (every index option's value and the fitted answer scorer, see `settings.ts`). Two corpora with the
 * same version answer the same way.
 */
export function corpusVersion(corpus: Corpus): string {
  return versionOf(runNow(contentHashSteps(corpus)));
}

const versionOf = (contentHash: string) => contentHash.slice(0, 10);

/** The whole SHA-256 (hex) behind {@link corpusVersion}. */
function* contentHashSteps(corpus: Corpus): Steps<string> {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ pipeline: PIPELINE_VERSION }));
  // The fitted scorer answers too: new weights are a new version (and a new snapshot key).
  hash.update(answeringSettings());
  for (const doc of corpus.documents) {
    hash.update(
      JSON.stringify([
        doc.id,
        doc.title,
        doc.kind,
        doc.url,
        doc.published,
        doc.publisher,
        doc.bodyStart,
        doc.lang ?? null,
      ]),
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
  return obtain(corpus, options.snapshots).knowledgeBase;
}

/**
 * What a reload worker sends back (see `worker.ts`): the corpus version and the snapshot the main thread
 * restores the knowledge base from. Loaded from `options.snapshots` when saved there, else built and saved.
 * A saved snapshot is restored here once before it is sent: one that does not fit the corpus is rebuilt in
 * the worker, instead of failing the reload when the main thread restores it.
 */
export function knowledgeSnapshotOf(
  corpus: Corpus,
  options: BuildOptions = {},
): { version: string; snapshot: KnowledgeSnapshot } {
  const { knowledgeBase, snapshot } = obtain(corpus, options.snapshots);
  return { version: knowledgeBase.version, snapshot: snapshot() };
}

/**
 * The knowledge base of `corpus` from a snapshot of it (see {@link knowledgeSnapshotOf}), restored a few
 * milliseconds at a time so that the live knowledge base keeps answering meanwhile. Throws when the snapshot
 * does not fit the corpus.
 */
export async function restoreKnowledgeBaseInSlices(
  corpus: Corpus,
  version: string,
  snapshot: KnowledgeSnapshot,
): Promise<KnowledgeBase> {
  const index = await PassageIndex.fromSnapshotInSlices(corpus, snapshot.index);
  const quotes = await runInSlices(QuoteIndex.fromSnapshotSteps(corpus, snapshot.quotes));
  return new CorpusKnowledgeBase(corpus, version, index, quotes);
}

interface Obtained {
  knowledgeBase: KnowledgeBase;
  /** The snapshot of the knowledge base: the one it was loaded from, or made from it on first call. */
  snapshot: () => KnowledgeSnapshot;
}

/** The knowledge base of `corpus` from the store's snapshot when one fits, else built (and saved there). */
function obtain(corpus: Corpus, store: SnapshotStore | undefined): Obtained {
  const contentHash = runNow(contentHashSteps(corpus));
  const version = versionOf(contentHash);
  const key = store ? keyOrNull(store, contentHash) : null;
  if (store && key !== null) {
    const started = performance.now();
    const saved = store.read(key);
    if ('index' in saved) {
      try {
        const knowledgeBase = new CorpusKnowledgeBase(
          corpus,
          version,
          PassageIndex.fromSnapshot(corpus, saved.index),
          runNow(QuoteIndex.fromSnapshotSteps(corpus, saved.quotes)),
        );
        store.loaded(key, performance.now() - started);
        return { knowledgeBase, snapshot: () => saved };
      } catch (err) {
        store.warn((err as Error).message, key);
      }
    } else if (saved.reason === 'unusable') {
      store.warn(saved.detail, key);
    }
  }
  const built = runNow(knowledgeBaseSteps(corpus, version));
  let snapshot: KnowledgeSnapshot | undefined;
  const snapshotOnce = () => {
    snapshot ??= { index: built.index.toSnapshot(corpus), quotes: built.quotes.toSnapshot() };
    return snapshot;
  };
  if (store && key !== null) store.write(key, snapshotOnce());
  return { knowledgeBase: built.knowledgeBase, snapshot: snapshotOnce };
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

interface Built {
  knowledgeBase: KnowledgeBase;
  index: PassageIndex;
  quotes: QuoteIndex;
}

function* knowledgeBaseSteps(corpus: Corpus, version: string): Steps<Built> {
  const index = yield* PassageIndex.steps(corpus);
  const quotes = yield* QuoteIndex.steps(corpus);
  return { knowledgeBase: new CorpusKnowledgeBase(corpus, version, index, quotes), index, quotes };
}

/** What `ask` reads of a corpus, its index and its quotes (also what `npm run train` scores candidates with). */
export function askContext(
  corpus: Corpus,
  index: PassageIndex,
  quotes: QuoteIndex,
  weights: ScorerWeights = currentWeights(),
): AskContext {
  const documents = new Map(corpus.documents.map((d) => [d.id, d]));
  return {
    index,
    glossary: new Glossary([
      ...corpus.glossary,
      ...speakerGlossary(corpus.speakers),
      ...kanaNameGlossary(corpus.documents),
    ]),
    documents,
    // Quoted or only named ("the agency's chief engineer, Jane Roe, will lead…"), the text's people are people.
    people: new PeopleFinder([...corpus.speakers, ...quotedPeople(quotes)], quotes.namedInText()),
    reader: new PassageReader(
      index,
      new Referents(corpus.speakers, quotes.attributions(), corpus.documents),
      documents,
    ),
    quotes,
    weights,
  };
}

/**
 * The people the quotes index found quoted in the text ("…,” said Rasmus Ekdal, the chief engineer) but the
 * register does not list: whoever a document quotes is a person, whatever the English model makes of the name.
 */
function quotedPeople(quotes: QuoteIndex): SpeakerEntry[] {
  const seen = new Set<string>();
  const people: SpeakerEntry[] = [];
  for (const { speaker } of quotes.attributions()) {
    if (seen.has(speaker.name)) continue;
    seen.add(speaker.name);
    people.push({ name: speaker.name, title: speaker.title, aliases: [] });
  }
  return people;
}

/**
 * The knowledge base of a corpus over its passage index and quotes index, however they were obtained (built,
 * or restored from a snapshot). Immutable: a reload makes a new one.
 */
export class CorpusKnowledgeBase implements KnowledgeBase {
  private readonly context: AskContext;
  private readonly sourceList: readonly SourceInfo[];

  constructor(
    private readonly corpus: Corpus,
    readonly version: string,
    index: PassageIndex,
    private readonly quotes: QuoteIndex,
  ) {
    this.context = askContext(corpus, index, quotes);
    this.sourceList = corpus.documents.map((d) => ({
      id: d.id,
      title: d.title,
      kind: d.kind,
      published: d.published,
      publisher: d.publisher,
      url: d.url,
      passages: index.passagesOf(d.id).length,
    }));
  }

  ask(question: string, options?: AskOptions): AskResult {
    return { ...ask(this.context, question, options), version: this.version };
  }

  quote(speaker: string, about?: string): QuoteResult {
    return this.quotes.quote(speaker, about);
  }

  speakers(prefix: string, limit?: number): SpeakerChoice[] {
    return this.quotes.speakers(prefix, limit);
  }

  sources(): SourceInfo[] {
    return [...this.sourceList];
  }

  stats(): CorpusStats {
    return {
      documents: this.corpus.documents.length,
      passages: this.corpus.passages.length,
      quotes: this.quotes.count,
    };
  }
}
