import { describe, expect, it } from 'vitest';
import { JapaneseDictionary, normalizeJapanese } from '../../src/text/japanese.js';
import { contentTerms, isStopWord, tokenize } from '../../src/text/text.js';

describe('Japanese text', () => {
  it('is cut into words by the segmenter, with offsets into the original text', () => {
    const text = '協定っていつ署名されたの？';
    const tokens = tokenize(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual([
      '協定',
      'って',
      'いつ',
      '署名',
      'さ',
      'れ',
      'た',
      'の',
    ]);
    expect(contentTerms(text).map((t) => t.stem)).toEqual(['協定', '署名']);
  });

  it('splits from Latin words written against it, which keep their English analysis', () => {
    const text = 'Artemis Accordsに日本は入ってる？';
    expect(tokenize(text).map((t) => [t.word, text.slice(t.start, t.end)])).toEqual([
      ['artemis', 'Artemis'],
      ['accords', 'Accords'],
      ['に', 'に'],
      ['日本', '日本'],
      ['は', 'は'],
      ['入', '入'],
      ['って', 'って'],
      ['る', 'る'],
    ]);
    expect(contentTerms(text).map((t) => t.stem)).toEqual(['artemi', 'accord', '日本', '入']);
  });

  it('keeps a katakana word whole where the segmenter cuts a lone character from it, not a compound of words', () => {
    const words = (text: string) => tokenize(text).map((t) => text.slice(t.start, t.end));
    expect(words('デブリを追跡')).toEqual(['デブリ', 'を', '追跡']);
    expect(words('ブリンケン長官')).toEqual(['ブリンケン', '長官']);
    expect(words('ゲートウェイ計画')).toEqual(['ゲート', 'ウェイ', '計画']);
  });

  it('folds full-width letters and digits, half-width katakana, and katakana to hiragana', () => {
    expect(tokenize('ＮＡＳＡの２０２３年').map((t) => t.word)).toEqual(['nasa', 'の', '2023', '年']);
    expect(normalizeJapanese('ｶﾞｰﾄﾞ')).toBe(normalizeJapanese('ガード'));
    expect(normalizeJapanese('ネルソン')).toBe('ねるそん');
    expect(normalizeJapanese('ネルソン')).toBe(normalizeJapanese('ねるそん'));
    // A final long-vowel mark on a long katakana word is a spelling variant (Lucene's rule).
    expect(normalizeJapanese('コンピューター')).toBe(normalizeJapanese('コンピュータ'));
    expect(normalizeJapanese('カー')).toBe('かー');
  });

  it('drops particles, auxiliaries, question words, nouns of position and single kana; keeps nouns', () => {
    for (const word of ['は', 'わ', 'の', 'って', 'です', 'いつ', 'どこ', '誰', 'だれ', 'いくら', '上', '前'])
      expect(isStopWord(normalizeJapanese(word)), word).toBe(true);
    for (const word of ['協定', '月', 'ネルソン', '宇宙'])
      expect(isStopWord(normalizeJapanese(word)), word).toBe(false);
  });

  it('drops question words the segmenter writes as one (何月何日), but not what a question counts (何歳)', () => {
    const words = (text: string) => tokenize(text).map((t) => text.slice(t.start, t.end));
    expect(words('署名は何月何日？')).toContain('何月何日');
    for (const word of ['何月何日', '何年何月', '何時何分'])
      expect(isStopWord(normalizeJapanese(word)), word).toBe(true);
    for (const word of ['何歳', '何月号']) expect(isStopWord(normalizeJapanese(word)), word).toBe(false);
  });

  it('keeps a dictionary word that starts with 月 out of a month: after a number or a word that counts months', () => {
    const dictionary = new JapaneseDictionary(['月の', '月面']);
    const words = (text: string) => tokenize(text, dictionary).map((t) => text.slice(t.start, t.end));
    expect(words('月の探査')).toContain('月の');
    expect(words('日本の月面')).toContain('月面');
    for (const month of [
      '11月の合意',
      '１１月の合意',
      '十二月の合意',
      '3ヶ月の期間',
      '3カ月の期間',
      '先月の合意',
    ])
      expect(words(month), month).not.toContain('月の');
  });
});
