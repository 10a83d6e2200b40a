import MiniSearch, { type Options } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { runInSlices, runNow, type Steps } from '../contract/steps.js';
import { passageAt } from '../corpus/segment.js';
import type { Corpus, Passage } from '../corpus/types.js';
import { contentTerms, type Term } from '../text/text.js';
import { loadIndex, loadIndexInSlices, type SerializedIndex, searchAny } from './minisearch.js';

/** What MiniSearch indexes for a passage: its stems (and its document title's), already analyzed. */
interface IndexedPassage {
  id: string;
  terms: string;
  title: string;
}

/** A title's stems, as the index holds them (its `title` field) and as {@link PassageIndex.has} knows them. */
const titleStems = (title: string): string[] => contentTerms(title).map((t) => t.stem);

/**
 * How retrieval scores. Tuned on the SciFact train split (bench README): Anserini's BM25 parameters, without
 * BM25+'s floor `d`, and titles counting a little over half as much as the text. The boosts list the fields in
 * index order: MiniSearch sums a term's fields in that order, and so does {@link PassageIndex.query}.
 */
const SEARCH_OPTIONS = {
  boost: { terms: 1, title: 0.6 },
  bm25: { k: 0.9, b: 0.4, d: 0 },
  combineWith: 'OR' as const,
};

/**
 * The one options object for building and for loading a persisted index. Fields hold space-joined stems
 * produced by {@link contentTerms}, so text is analyzed once, by our own pipeline, for index and query alike.
 */
export const INDEX_OPTIONS: Options<IndexedPassage> = {
  idField: 'id',
  fields: ['terms', 'title'],
  storeFields: [],
  tokenize: (text) => (text === '' ? [] : text.split(' ')),
  processTerm: (term) => term,
  searchOptions: SEARCH_OPTIONS,
};

/**
 * Passages a query may score (the sum of its stems' passage counts) before retrieval leaves common stems out
 * (see {@link PassageIndex.query}): MiniSearch's cost grows with it. About twice what a SciFact train query
 * needs at its 90th percentile (15,755 passages), so corpora of that size keep every stem.
 */
const POSTINGS_BUDGET = 10_000;
/** A stem in more than this share of passages is common. */
const COMMON_SHARE = 0.05;
/** Map entries a restore step adds: small enough that a step stays well under a millisecond. */
const RESTORED_PER_STEP = 1_000;

/** A query term and how much it counts (glossary expansions and typo corrections count less). */
export interface WeightedTerm {
  stem: string;
  weight: number;
}

export interface SearchHit {
  passage: Passage;
  score: number;
}

/**
 * A built {@link PassageIndex} as plain data, to persist and load instead of indexing again. Only valid for
 * the same corpus, analysis and {@link INDEX_OPTIONS} (the caller keys it by all three).
 */
export interface PassageIndexSnapshot {
  /** MiniSearch's own serialization. */
  search: SerializedIndex;
  /** How many passages contain each stem. */
  documentFrequency: [string, number][];
  /** Per passage, in corpus order: its sentences' stems (see {@link PassageIndex.sentenceStems}). */
  sentenceStems: string[];
}

/** Passage retrieval over a corpus: MiniSearch's BM25 plus the document frequencies the ranking needs. */
const KANJI_WORD = /^[\p{sc=Han}々]+$/u;

/** A word of kanji with okurigana: kanji first, runs of at most two hiragana after kanji (組み立て, 打上げ). */
const OKURIGANA_WORD = /^[\p{sc=Han}々](?:[\p{sc=Han}々]|\p{sc=Hiragana}{1,2}(?=[\p{sc=Han}々]|$))+$/u;

/** The kanji of a word of kanji with or without okurigana (組み立て: 組立), when it has two or more; else `null`. */
function kanjiSkeleton(word: string): string | null {
  if (!OKURIGANA_WORD.test(word)) return null;
  const kanji = word.replace(/\p{sc=Hiragana}/gu, '');
  return kanji.length >= 2 ? kanji : null;
}

export class PassageIndex {
  readonly passageCount: number;
  private readonly byId = new Map<string, Passage>();
  private readonly byDocument = new Map<string, Passage[]>();
  private vocabularyTree: SearchableMap<number> | undefined;
  /**
   * Stems of document titles that no passage uses ("… Debris Removal Partnership" over a text that says "defunct
   * satellites"), each with the number of passages of the documents so titled: a title word is what all of its
   * document is about, so the corpus knows it, about as often as that document's passages.
   */
  private readonly titleOnly = new Map<string, number>();

  private constructor(
    private readonly search: MiniSearch<IndexedPassage>,
    passages: Passage[],
    /** How many passages contain each stem. */
    private readonly documentFrequency: Map<string, number>,
    /**
     * Per passage id, the content stems of its sentences (analyzed once, at build): space-separated stems,
     * sentences separated by a line break. One flat string per passage takes less memory than arrays of
     * arrays; ranking splits the few passages it reads.
     */
    private readonly stemsBySentence: Map<string, string>,
  ) {
    this.passageCount = passages.length;
  }

  /** How many documents have passages. */
  get documentCount(): number {
    return this.byDocument.size;
  }

  /** Files a passage under its id and document; done while indexing, so no pass over all passages is left. */
  private register(passage: Passage): void {
    this.byId.set(passage.id, passage);
    const list = this.byDocument.get(passage.docId);
    if (list) list.push(passage);
    else this.byDocument.set(passage.docId, [passage]);
  }

  /** Indexes every passage of `corpus`. */
  static build(corpus: Corpus): PassageIndex {
    return runNow(PassageIndex.steps(corpus));
  }

  /** {@link build} as steps, one a passage (see `contract/steps.ts`). */
  static *steps(corpus: Corpus): Steps<PassageIndex> {
    const documents = new Map(corpus.documents.map((d) => [d.id, d]));
    // Title stems per document, analyzed when the document's first passage comes (one step each).
    const titles = new Map<string, string>();
    const titleOf = (docId: string): string => {
      let stems = titles.get(docId);
      if (stems === undefined) {
        stems = titleStems(documents.get(docId)?.title ?? '').join(' ');
        titles.set(docId, stems);
      }
      return stems;
    };
    const frequency = new Map<string, number>();
    const stemsBySentence = new Map<string, string>();
    const search = new MiniSearch<IndexedPassage>(INDEX_OPTIONS);
    const index = new PassageIndex(search, corpus.passages, frequency, stemsBySentence);
    for (const passage of corpus.passages) {
      index.register(passage);
      const terms = withoutQuestions(passage, contentTerms(passage.text));
      // A section's heading is part of what each of its passages is about (segment.ts), though no sentence's.
      const text = documents.get(passage.docId)?.text ?? '';
      const stems = [...headingStems(passage, text), ...terms.map((t) => t.stem)];
      for (const s of new Set(stems)) frequency.set(s, (frequency.get(s) ?? 0) + 1);
      stemsBySentence.set(passage.id, bySentence(passage, terms));
      search.add({ id: passage.id, terms: stems.join(' '), title: titleOf(passage.docId) });
      yield;
    }
    for (const [docId, stems] of titles) index.noteTitle(docId, stems.split(' '));
    return index;
  }

  /** Files the stems of a document's title that no passage uses (see {@link titleOnly}). */
  private noteTitle(docId: string, stems: string[]): void {
    const passages = this.byDocument.get(docId)?.length ?? 0;
    for (const stem of new Set(stems))
      if (stem !== '' && !this.documentFrequency.has(stem))
        this.titleOnly.set(stem, (this.titleOnly.get(stem) ?? 0) + passages);
  }

  /** This index as plain data (see {@link PassageIndexSnapshot}). */
  toSnapshot(corpus: Corpus): PassageIndexSnapshot {
    return {
      search: this.search.toJSON(),
      documentFrequency: [...this.documentFrequency],
      sentenceStems: corpus.passages.map((p) => this.stemsBySentence.get(p.id) ?? ''),
    };
  }

  /**
   * The index of `corpus` from a snapshot of it, without analyzing a passage. Throws when the snapshot does
   * not fit the corpus (another passage count) or MiniSearch cannot read it.
   */
  static fromSnapshot(corpus: Corpus, snapshot: PassageIndexSnapshot): PassageIndex {
    const search = loadIndex<IndexedPassage>(snapshot.search, INDEX_OPTIONS);
    return runNow(PassageIndex.restoreSteps(corpus, snapshot, search));
  }

  /** {@link fromSnapshot} a few milliseconds at a time, for a running bot (MiniSearch's own async load). */
  static async fromSnapshotInSlices(corpus: Corpus, snapshot: PassageIndexSnapshot): Promise<PassageIndex> {
    const search = await loadIndexInSlices<IndexedPassage>(snapshot.search, INDEX_OPTIONS);
    return runInSlices(PassageIndex.restoreSteps(corpus, snapshot, search));
  }

  /** The rest of a restore once MiniSearch has loaded its part, one step per {@link RESTORED_PER_STEP} entries. */
  private static *restoreSteps(
    corpus: Corpus,
    snapshot: PassageIndexSnapshot,
    search: MiniSearch<IndexedPassage>,
  ): Steps<PassageIndex> {
    if (snapshot.sentenceStems.length !== corpus.passages.length)
      throw new Error(
        `index snapshot has ${snapshot.sentenceStems.length} passages, the corpus ${corpus.passages.length}`,
      );
    if (search.documentCount !== corpus.passages.length)
      throw new Error(
        `index snapshot indexes ${search.documentCount} passages, the corpus ${corpus.passages.length}`,
      );
    const frequency = new Map<string, number>();
    for (const [i, [stem, count]] of snapshot.documentFrequency.entries()) {
      if (i % RESTORED_PER_STEP === 0) yield;
      frequency.set(stem, count);
    }
    const stemsBySentence = new Map<string, string>();
    const index = new PassageIndex(search, corpus.passages, frequency, stemsBySentence);
    for (const [i, passage] of corpus.passages.entries()) {
      if (i % RESTORED_PER_STEP === 0) yield;
      index.register(passage);
      stemsBySentence.set(passage.id, snapshot.sentenceStems[i] ?? '');
    }
    for (const [i, doc] of corpus.documents.entries()) {
      if (i % RESTORED_PER_STEP === 0) yield;
      index.noteTitle(doc.id, titleStems(doc.title));
    }
    return index;
  }

  /** The content stems of each sentence of a passage, in sentence order. */
  sentenceStems(passage: Passage): string[][] {
    const stored = this.stemsBySentence.get(passage.id);
    if (stored === undefined || passage.sentences.length === 0) return passage.sentences.map(() => []);
    return stored.split('\n').map((sentence) => (sentence === '' ? [] : sentence.split(' ')));
  }

  /**
   * Every content stem of a passage as one string, each between spaces (" stem stem … "), sentences not told
   * apart: for asking whether a stem occurs without splitting the passage into words.
   */
  stemText(passage: Passage): string {
    return ` ${(this.stemsBySentence.get(passage.id) ?? '').replaceAll('\n', ' ')} `;
  }

  /** Whether any passage, or any document's title, contains `stem`. */
  has(stem: string): boolean {
    return this.documentFrequency.has(stem) || this.titleOnly.has(stem);
  }

  /**
   * Inverse document frequency of a stem (BM25's form); a title's stem counts in every passage of its document,
   * unseen stems get the rarest value.
   */
  idf(stem: string): number {
    const df = this.documentFrequency.get(stem) ?? this.titleOnly.get(stem) ?? 0;
    return Math.log(1 + (this.passageCount - df + 0.5) / (df + 0.5));
  }

  /**
   * The indexed stem closest to `stem` by edit distance (1 for 4–6 letters, 2 for longer ones), keeping the
   * first letter (typos rarely hit it, and "point" is not "joint", nor "weather" "gather"), preferring the more
   * frequent; `null` when none is that close. Short words are never corrected: "what" is not "that".
   */
  correct(stem: string): string | null {
    if (stem.length < 4 || /\d/.test(stem)) return null;
    const maxDistance = stem.length >= 7 ? 2 : 1;
    let best: { stem: string; distance: number; df: number } | null = null;
    for (const [candidate, [df, distance]] of this.vocabulary().fuzzyGet(stem, maxDistance)) {
      if (candidate[0] !== stem[0]) continue;
      if (!best || distance < best.distance || (distance === best.distance && df > best.df)) {
        best = { stem: candidate, distance, df };
      }
    }
    return best?.stem ?? this.completePrefix(stem);
  }

  /**
   * Indexed words of kanji that hold `word` (kanji too) whole, most frequent first, at most `limit`: Japanese
   * writes compounds without spaces and the segmenter keeps many whole ("雪" is in 積雪, 融雪), as English
   * compounds would be "snow" and "snowmelt". Only as long again as the word, at most: longer ones are other
   * ideas that merely contain it.
   */
  compoundsOf(word: string, limit: number): string[] {
    this.kanjiWords ??= [...this.documentFrequency.keys()].filter((w) => KANJI_WORD.test(w));
    return this.kanjiWords
      .filter((w) => w.length > word.length && w.length <= 2 * word.length + 1 && w.includes(word))
      .sort((a, b) => (this.documentFrequency.get(b) ?? 0) - (this.documentFrequency.get(a) ?? 0))
      .slice(0, limit);
  }
  private kanjiWords: string[] | undefined;

  /**
   * Indexed words with the same kanji as `word` and other kana between or after them (組立 and 組み立て, 打上げ and
   * 打ち上げ, 受取 and 受け取る): one word, whose okurigana writers spell differently. Words of two kanji or more
   * only; `[]` for others.
   */
  okuriganaVariantsOf(word: string): string[] {
    const key = kanjiSkeleton(word);
    if (key === null) return [];
    if (!this.skeletons) {
      this.skeletons = new Map();
      for (const w of this.documentFrequency.keys()) {
        const k = kanjiSkeleton(w);
        if (k !== null) this.skeletons.set(k, [...(this.skeletons.get(k) ?? []), w]);
      }
    }
    return (this.skeletons.get(key) ?? []).filter((w) => w !== word);
  }
  private skeletons: Map<string, string[]> | undefined;

  /** The indexed stems as a radix tree (for typo and prefix look-ups), built on the first look-up. */
  private vocabulary(): SearchableMap<number> {
    if (!this.vocabularyTree) this.vocabularyTree = SearchableMap.from(this.documentFrequency);
    return this.vocabularyTree;
  }

  /** "tech" → "technolog", "admin" → "administr": an abbreviation of a longer indexed word, the most frequent. */
  private completePrefix(stem: string): string | null {
    if (stem.length < 4) return null;
    let best: { stem: string; df: number } | null = null;
    for (const [candidate, df] of this.vocabulary().atPrefix(stem)) {
      if (candidate.length > stem.length && (!best || df > best.df)) best = { stem: candidate, df };
    }
    return best?.stem ?? null;
  }

  /**
   * The best passages for weighted query stems, best first. MiniSearch scores every passage holding any
   * query term, so common words cost the most while ranking least: when a query would score more than
   * {@link POSTINGS_BUDGET} passages, its stems found in more than a few percent of passages are left out of
   * retrieval, most common first, until it fits, as long as a rarer stem is left. Reranking still sees them.
   */
  query(terms: WeightedTerm[], limit: number): SearchHit[] {
    if (terms.length === 0) return [];
    const weights = new Map<string, number>();
    for (const t of terms) weights.set(t.stem, Math.max(weights.get(t.stem) ?? 0, t.weight));
    const df = (stem: string) => this.documentFrequency.get(stem) ?? 0;
    const common = (stem: string) => df(stem) > COMMON_SHARE * this.passageCount;
    let postings = [...weights.keys()].reduce((sum, stem) => sum + df(stem), 0);
    const rarerLeft = [...weights.keys()].some((stem) => !common(stem));
    for (const stem of [...weights.keys()].sort((a, b) => df(b) - df(a))) {
      if (postings <= POSTINGS_BUDGET || !rarerLeft || !common(stem)) break;
      weights.delete(stem);
      postings -= df(stem);
    }
    const results = searchAny(this.search, {
      terms: [...weights.keys()],
      termBoost: (term) => weights.get(term) ?? 1,
      fieldBoosts: SEARCH_OPTIONS.boost,
      bm25: SEARCH_OPTIONS.bm25,
    });
    // MiniSearch multiplies a score by the number of query terms matched; plain BM25 ranks better here
    // (SciFact train split: nDCG@10 +0.007), so that factor is divided out again.
    for (const result of results) result.score /= result.matched || 1;
    results.sort((a, b) => b.score - a.score);
    const hits: SearchHit[] = [];
    for (const result of results.slice(0, limit)) {
      const passage = this.byId.get(String(result.id));
      if (passage) hits.push({ passage, score: result.score });
    }
    return hits;
  }

  /** The passages of a document, in order. */
  passagesOf(docId: string): Passage[] {
    return this.byDocument.get(docId) ?? [];
  }

  /** The (first) passage of a document holding the character at `offset`. */
  passageAt(docId: string, offset: number): Passage | undefined {
    return passageAt(this.byDocument.get(docId) ?? [], offset);
  }
}

/**
 * A passage's terms but those of the questions it asks ({@link Passage.questions}): a question is indexed as the
 * topic of the paragraphs that answer it, as a heading is, so that they come first for it rather than itself.
 */
function withoutQuestions(passage: Passage, terms: Term[]): Term[] {
  const questions = passage.questions;
  if (!questions?.length) return terms;
  return terms.filter((t) => {
    const at = passage.start + t.start;
    return !questions.some((q) => q.start <= at && at < q.end);
  });
}

/** The stems of the headings of the sections a passage stands in (`text`: its document's). */
export function headingStems(passage: Passage, text: string): string[] {
  return passage.headings.flatMap((h) => contentTerms(text.slice(h.start, h.end)).map((t) => t.stem));
}

/**
 * Assigns each term of a passage (offsets relative to the passage text) to the sentence holding it, in the
 * stored form of {@link PassageIndex.sentenceStems}.
 */
function bySentence(passage: Passage, terms: Term[]): string {
  const sentences: string[][] = passage.sentences.map(() => []);
  let i = 0;
  for (const term of terms) {
    const at = passage.start + term.start;
    while (i < passage.sentences.length - 1 && at >= (passage.sentences[i]?.end ?? 0)) i++;
    sentences[i]?.push(term.stem);
  }
  return sentences.map((stems) => stems.join(' ')).join('\n');
}
