/**
 * The contract of src/search/minisearch.ts with MiniSearch's internals (`loadJS`, `loadJSAsync`, the shape of
 * `toJSON()`, the members `search` scores with), pinned to the version it was checked against: a MiniSearch upgrade fails here first, by name.
 */
import { readFileSync } from 'node:fs';
import MiniSearch, { type Options } from 'minisearch';
import { describe, expect, it } from 'vitest';
import {
  CHECKED_MINISEARCH_VERSION,
  type IndexEntry,
  indexWithEntries,
  loadIndex,
  loadIndexInSlices,
  searchAny,
} from '../../src/search/minisearch.js';

interface Doc {
  id: string;
  text: string;
  title: string;
}

const OPTIONS: Options<Doc> = { fields: ['text', 'title'], storeFields: [] };

/** 1,500 documents over 3,000 distinct terms, so the sliced loader has to pause at least twice. */
const DOCS: Doc[] = Array.from({ length: 1500 }, (_, i) => ({
  id: `doc-${i}`,
  text: `term${2 * i} term${2 * i + 1} shared shared`,
  title: i % 2 ? 'odd' : 'even',
}));

function built(): MiniSearch<Doc> {
  const search = new MiniSearch<Doc>(OPTIONS);
  search.addAll(DOCS);
  return search;
}

const QUERIES = ['shared', 'term7 odd', 'term2998 even', 'nothing'];
const resultsOf = (search: MiniSearch<Doc>) =>
  QUERIES.map((q) => search.search(q).map(({ id, score }) => ({ id, score })));

describe(`MiniSearch internals used by src/search/minisearch.ts (checked on ${CHECKED_MINISEARCH_VERSION})`, () => {
  it('is the version the adapter was checked against', () => {
    const installed = JSON.parse(
      readFileSync(new URL('../../node_modules/minisearch/package.json', import.meta.url), 'utf8'),
    ).version;
    expect(
      installed,
      `MiniSearch ${installed} is installed, but src/search/minisearch.ts was checked against ` +
        `${CHECKED_MINISEARCH_VERSION}: check that loadJS and loadJSAsync still read toJSON()'s shape and ` +
        'iterate `index` once, then update CHECKED_MINISEARCH_VERSION',
    ).toBe(CHECKED_MINISEARCH_VERSION);
  });

  it('serializes as the worker packs it: per term, per field id, a frequency per short document id', () => {
    const search = new MiniSearch<Doc>(OPTIONS);
    search.addAll([{ id: 'a', text: 'moon moon rover', title: 'moon' }]);
    const json = search.toJSON();
    expect(json.serializationVersion).toBe(2);
    expect(json.fieldIds).toEqual({ text: 0, title: 1 });
    expect(json.documentIds).toEqual({ 0: 'a' });
    expect(new Map(json.index)).toEqual(
      new Map([
        ['moon', { 0: { 0: 2 }, 1: { 0: 1 } }],
        ['rover', { 0: { 0: 1 } }],
      ]),
    );
  });

  it('loads a serialization back into an index that answers the same', async () => {
    const search = built();
    expect(resultsOf(loadIndex(search.toJSON(), OPTIONS))).toEqual(resultsOf(search));
    expect(resultsOf(await loadIndexInSlices(search.toJSON(), OPTIONS))).toEqual(resultsOf(search));
  });

  it('reads the entries of the sliced load with one for…of, so they can come from a generator', async () => {
    const search = built();
    const { index, ...head } = search.toJSON();
    let iterations = 0;
    let read = 0;
    // Only iterable: an array method or `length` would find nothing.
    const entries: Iterable<IndexEntry> = {
      *[Symbol.iterator]() {
        iterations++;
        for (const entry of index) {
          read++;
          yield entry;
        }
      },
    };
    const loaded = await loadIndexInSlices(indexWithEntries(head, entries), OPTIONS);
    expect({ iterations, read }).toEqual({ iterations: 1, read: index.length });
    expect(resultsOf(loaded)).toEqual(resultsOf(search));
  });

  it('lets timers run while it loads: the sliced load pauses every 1,000 terms', async () => {
    const serialized = built().toJSON();
    expect(serialized.index.length).toBeGreaterThan(3000);
    let ticks = 0;
    let loading = true;
    const tick = () => {
      if (!loading) return;
      ticks++;
      setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    await loadIndexInSlices(serialized, OPTIONS);
    loading = false;
    expect(ticks).toBeGreaterThanOrEqual(3);
  });

  it('scores an OR query of processed terms exactly as search does, in the same order', () => {
    // Two fields of different lengths and boosts, term boosts, BM25 parameters other than MiniSearch's own,
    // documents that hold one, some or all of the terms, in one field or both, and ties.
    const docs: Doc[] = Array.from({ length: 300 }, (_, i) => ({
      id: `d${i}`,
      text: [`w${i % 7}`, `w${i % 11}`, i % 3 ? 'shared' : 'rare', `w${i % 5}`.repeat(1 + (i % 4))].join(' '),
      title: i % 4 ? `w${i % 7} title` : 'plain',
    }));
    const bm25 = { k: 0.9, b: 0.4, d: 0 };
    const fieldBoosts = { text: 1, title: 0.65 };
    const search = new MiniSearch<Doc>({ ...OPTIONS, searchOptions: { boost: fieldBoosts, bm25 } });
    search.addAll(docs);
    const boosts = new Map([
      ['w3', 0.55],
      ['shared', 1],
      ['w10', 0.35],
      ['rare', 0.85],
      ['title', 0.7],
      ['absent', 1],
    ]);
    for (const terms of [
      ['w3', 'shared', 'w10'],
      ['rare', 'title', 'w3', 'absent'],
      ['shared'],
      ['absent'],
    ]) {
      const termBoost = (term: string) => boosts.get(term) ?? 1;
      const theirs = search
        .search({ combineWith: 'OR', queries: terms }, { boostTerm: termBoost })
        .map(({ id, score, queryTerms }) => ({ id, score, matched: queryTerms.length }));
      expect(theirs.length > 0).toBe(!terms.includes('absent') || terms.length > 1);
      expect(searchAny(search, { terms, termBoost, fieldBoosts, bm25 })).toEqual(theirs);
    }
  });
});
