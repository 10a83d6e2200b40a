/**
 * The one place Accord uses MiniSearch beyond its documented API: loading a serialized index, and scoring a
 * query without the result objects `search` makes (see {@link searchAny}).
 *
 * MiniSearch's public loaders (`loadJSON`, `loadJSONAsync`) take the index as one JSON string, and both start
 * with `JSON.parse` of all of it, on the calling thread. A reload restores the index on the main thread a few
 * milliseconds at a time from entries a worker sends packed (src/service/worker.ts), so it needs the loaders
 * behind those two: `loadJS` and `loadJSAsync`, marked `@ignore` (internal) in MiniSearch's typings, which take
 * the parsed object and read its `index` with one `for…of`. That lets the entries be an iterable, unpacked
 * only as MiniSearch reads them. tests/search/minisearch.test.ts checks all of this against the version in
 * {@link CHECKED_MINISEARCH_VERSION} and fails, naming the installed version, when MiniSearch changes.
 */
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';

/** The MiniSearch version whose internals this module was checked against. */
export const CHECKED_MINISEARCH_VERSION = '7.2.0';

/** MiniSearch's serialization of an index (`toJSON()`), as the snapshot files keep it. */
export type SerializedIndex = AsPlainObject;

/** One term of a {@link SerializedIndex}: the term and, per field id, its frequency in each document by short id. */
export type IndexEntry = SerializedIndex['index'][number];

/** The index `serialized` describes; synchronous (start-up, the CLIs). */
export function loadIndex<T>(serialized: SerializedIndex, options: Options<T>): MiniSearch<T> {
  return MiniSearch.loadJS<T>(serialized, options);
}

/** {@link loadIndex} in slices: MiniSearch waits a timer tick every 1,000 terms, so other tasks run between. */
export function loadIndexInSlices<T>(
  serialized: SerializedIndex,
  options: Options<T>,
): Promise<MiniSearch<T>> {
  return MiniSearch.loadJSAsync<T>(serialized, options);
}

/**
 * A serialized index whose entries come from an iterable, read once, in order, as the loader goes. Only
 * {@link loadIndex} and {@link loadIndexInSlices} may read it: it has no array of entries to serialize or
 * measure, whatever its type says (the type is MiniSearch's, which the loaders take).
 */
export function indexWithEntries(
  head: Omit<SerializedIndex, 'index'>,
  entries: Iterable<IndexEntry>,
): SerializedIndex {
  return { ...head, index: entries as SerializedIndex['index'] };
}

/** The parts of a MiniSearch index {@link searchAny} reads (protected members, as MiniSearch 7.2 keeps them). */
interface Internals {
  _index: { get(term: string): Map<number, Map<number, number>> | undefined };
  _documentCount: number;
  _documentIds: Map<number, unknown>;
  _nextId: number;
  _dirtCount: number;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
}

/** A document that matched: its id, MiniSearch's score, and how many of the query's terms it holds. */
export interface AnyMatch {
  id: unknown;
  score: number;
  matched: number;
}

/** How {@link searchAny} scores: per field, its boost; per term, its boost; BM25's parameters. */
export interface AnyQuery {
  terms: string[];
  termBoost: (term: string) => number;
  fieldBoosts: Record<string, number>;
  bm25: { k: number; b: number; d: number };
}

/** Per document (short id) of the terms scored so far: its score, matched terms and first-seen order. */
let scores = new Float64Array(0);
let termScores = new Float64Array(0);
let matchedTerms = new Int32Array(0);
/** The query (a counter) whose term last touched each document, for scores and termScores. */
let touchedBy = new Int32Array(0);
let termTouchedBy = new Int32Array(0);
let queryNumber = 0;
let termNumber = 0;

function ensureCapacity(ids: number): void {
  if (scores.length >= ids) return;
  const size = Math.max(ids, 2 * scores.length);
  scores = new Float64Array(size);
  termScores = new Float64Array(size);
  matchedTerms = new Int32Array(size);
  touchedBy = new Int32Array(size);
  termTouchedBy = new Int32Array(size);
  queryNumber = 0;
  termNumber = 0;
}

/**
 * MiniSearch's `search({ combineWith: 'OR', queries: terms }, { boostTerm })` for terms already processed
 * (no fuzzy or prefix matching, no document boost): every document holding one of the terms, with the same
 * score as a number for number (the same operations in the same order: BM25 per field, the fields of a term
 * summed, then the terms in query order, times the number of terms matched) and in the same order (best
 * first, ties in the order MiniSearch meets the documents). `search` also builds, per matching document and
 * term, objects listing which terms matched in which fields, which were a sixth of a question's garbage and
 * its sorting cost; this keeps three numbers per document in arrays reused from query to query.
 * tests/search/minisearch.test.ts compares both.
 */
export function searchAny<T>(search: MiniSearch<T>, query: AnyQuery): AnyMatch[] {
  const index = search as unknown as Internals;
  // MiniSearch cleans a discarded document's postings as `search` meets them, changing the scores as it goes.
  if (index._dirtCount > 0) throw new Error('searchAny reads indexes no document was discarded from');
  ensureCapacity(index._nextId); // short ids run from 0 to below it
  if (queryNumber === 0x7fffffff || termNumber === 0x7fffffff) {
    touchedBy.fill(0);
    termTouchedBy.fill(0);
    queryNumber = 0;
    termNumber = 0;
  }
  const thisQuery = ++queryNumber;
  const order: number[] = [];
  const fields = Object.keys(query.fieldBoosts);
  const { k, b, d } = query.bm25;
  for (const term of query.terms) {
    const data = index._index.get(term);
    if (!data) continue;
    const termBoost = query.termBoost(term);
    const thisTerm = ++termNumber;
    const seen: number[] = [];
    for (const field of fields) {
      const fieldBoost = query.fieldBoosts[field] as number;
      const fieldId = index._fieldIds[field] as number;
      const frequencies = data.get(fieldId);
      if (!frequencies) continue;
      const matching = frequencies.size;
      const averageLength = index._avgFieldLength[fieldId] as number;
      const invDocFreq = Math.log(1 + (index._documentCount - matching + 0.5) / (matching + 0.5));
      for (const [id, termFreq] of frequencies) {
        const fieldLength = (index._fieldLength.get(id) as number[])[fieldId] as number;
        // calcBM25Score and termResults' product, as MiniSearch writes them (term weight and document boost 1).
        const raw =
          invDocFreq *
          (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / averageLength)));
        const weighted = termBoost * fieldBoost * raw;
        if (termTouchedBy[id] === thisTerm) termScores[id] = (termScores[id] as number) + weighted;
        else {
          termTouchedBy[id] = thisTerm;
          termScores[id] = weighted;
          seen.push(id);
        }
      }
    }
    for (const id of seen) {
      if (touchedBy[id] === thisQuery) {
        scores[id] = (scores[id] as number) + (termScores[id] as number);
        matchedTerms[id] = (matchedTerms[id] as number) + 1;
      } else {
        touchedBy[id] = thisQuery;
        scores[id] = termScores[id] as number;
        matchedTerms[id] = 1;
        order.push(id);
      }
    }
  }
  const results = order.map((id) => {
    const matched = matchedTerms[id] as number;
    return { id: index._documentIds.get(id), score: (scores[id] as number) * matched, matched };
  });
  return results.sort((x, y) => y.score - x.score);
}
