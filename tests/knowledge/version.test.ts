import { afterEach, describe, expect, it } from 'vitest';
import { currentWeights } from '../../src/answer/scorer.js';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import { corpusVersion } from '../../src/knowledge/knowledge.js';
import { settingsText } from '../../src/knowledge/settings.js';
import { INDEX_OPTIONS } from '../../src/search/index.js';
import { CORPUS_DIR } from '../support/bundled.js';

const bm25 = INDEX_OPTIONS.searchOptions?.bm25 as { k: number; b: number; d: number };
const saved = { ...bm25 };
afterEach(() => Object.assign(bm25, saved));

describe('the corpus version', () => {
  it('changes with the value of an index option, not only with its keys', async () => {
    const corpus = await loadCorpusStrict(CORPUS_DIR);
    const before = corpusVersion(corpus);
    expect(corpusVersion(corpus)).toBe(before);
    bm25.k += 0.1;
    const otherK = corpusVersion(corpus);
    expect(otherK).not.toBe(before);
    bm25.k = saved.k;
    bm25.b += 0.1;
    expect(corpusVersion(corpus)).not.toBe(before);
    expect(corpusVersion(corpus)).not.toBe(otherK);
    Object.assign(bm25, saved);
    expect(corpusVersion(corpus)).toBe(before);
  });

  it('changes with the fitted answer scorer', async () => {
    const corpus = await loadCorpusStrict(CORPUS_DIR);
    const before = corpusVersion(corpus);
    const weights = currentWeights();
    const abstainBelow = weights.decide.large.abstainBelow;
    try {
      weights.decide.large.abstainBelow = abstainBelow / 2;
      expect(corpusVersion(corpus)).not.toBe(before);
    } finally {
      weights.decide.large.abstainBelow = abstainBelow;
    }
    expect(corpusVersion(corpus)).toBe(before);
  });
});

describe('settingsText', () => {
  it('holds every value and pattern, whatever the key order, and functions by presence only', () => {
    expect(settingsText({ a: 1, b: { c: [2, 3] } })).toBe(settingsText({ b: { c: [2, 3] }, a: 1 }));
    expect(settingsText({ a: 1 })).not.toBe(settingsText({ a: 2 }));
    expect(settingsText({ p: /a/g })).not.toBe(settingsText({ p: /b/g }));
    // Runners print a function's source differently (tsx minifies it): one corpus must keep one version.
    expect(settingsText({ f: (t: string) => t.split(' ') })).toBe(
      settingsText({ f: (t: string) => t.split(' ') }),
    );
    expect(settingsText({ f: (t: string) => t })).not.toBe(settingsText({}));
  });
});
