import { describe, expect, it } from 'vitest';
import { japaneseSynonyms } from '../../src/text/japanese-synonyms.js';

describe("Japanese synonyms (Sudachi's synonym dictionary)", () => {
  it('gives the words of one meaning: spelling variants, loanwords, their English', () => {
    expect(japaneseSynonyms('あいさつ')).toContain('挨拶');
    expect(japaneseSynonyms('タイトル')).toEqual(expect.arrayContaining(['title', '題名']));
    // As the segmenter writes words: katakana folded to hiragana.
    expect(japaneseSynonyms('たいとる')).toEqual(japaneseSynonyms('タイトル'));
    expect(japaneseSynonyms('モジュールではない語')).toEqual([]);
  });

  it('lets a word that expands nothing itself (テスト) find the word it is expanded from (試験)', () => {
    expect(japaneseSynonyms('テスト')).toContain('試験');
    expect(japaneseSynonyms('試験')).toContain('テスト');
  });
});
