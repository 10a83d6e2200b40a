import { describe, expect, it } from 'vitest';
import { Glossary } from '../../src/search/glossary.js';
import { contentTerms, normalizeWord, stem, tokenize } from '../../src/text/text.js';

describe('normalizeWord', () => {
  it('folds case, NFKC forms, curly apostrophes and possessives', () => {
    expect(normalizeWord('Fumio’s')).toBe('fumio');
    expect(normalizeWord("agencies'")).toBe('agencies');
    expect(normalizeWord('ＮＡＳＡ')).toBe('nasa');
    expect(normalizeWord('don’t')).toBe('dont');
    expect(normalizeWord('13th')).toBe('13');
  });

  it('folds accents on Latin letters, composed or not, and keeps other scripts whole', () => {
    expect(normalizeWord('Akíhiko')).toBe('akihiko');
    expect(normalizeWord('Aki\u0301hiko')).toBe('akihiko');
    expect(tokenize('Ake\u0301mi said').map((t) => t.word)).toEqual(['akemi', 'said']);
    expect(normalizeWord('हिंदी')).toBe('हिंदी');
  });

  it('reads "U.S." and "US" as the country, and lower-case "us" as the pronoun', () => {
    expect(normalizeWord('U.S.')).toBe('usa');
    expect(normalizeWord('US')).toBe('usa');
    expect(normalizeWord('us')).toBe('us');
  });
});

describe('tokenize', () => {
  it('keeps offsets into the original text', () => {
    const text = 'Kishida Fumio’s visit to the U.S. in 2023';
    for (const token of tokenize(text))
      expect(normalizeWord(text.slice(token.start, token.end))).toBe(token.word);
    expect(tokenize(text).map((t) => t.word)).toEqual([
      'kishida',
      'fumio',
      'visit',
      'to',
      'the',
      'usa',
      'in',
      '2023',
    ]);
  });
});

describe('contentTerms', () => {
  it('drops stop words and stems the rest', () => {
    expect(contentTerms('When was the agreement signed?').map((t) => t.stem)).toEqual([
      stem('agreement'),
      'sign',
    ]);
    expect(contentTerms('signing signed signs').map((t) => t.stem)).toEqual(['sign', 'sign', 'sign']);
  });
});

describe('Glossary', () => {
  const glossary = new Glossary([
    { text: 'agreement', typed: ['deal', 'pact'], both: false },
    { text: 'Prime Minister', typed: ['PM'], both: false },
    { text: 'Japan Aerospace Exploration Agency', typed: ['JAXA'], both: true },
  ]);
  const stems = (q: string) => contentTerms(q).map((t) => t.stem);

  it('maps what users type to what the text says', () => {
    expect(glossary.expand(stems('when was the deal inked'))).toEqual([
      { at: 0, length: 1, meanings: [[stem('agreement')]] },
    ]);
    expect(glossary.expand(stems('what did the PM say'))[0]?.meanings).toEqual([stems('Prime Minister')]);
  });

  it('expands both ways when asked to, and only then', () => {
    expect(glossary.expand(stems('JAXA'))[0]?.meanings).toEqual([
      stems('Japan Aerospace Exploration Agency'),
    ]);
    expect(glossary.expand(stems('Japan Aerospace Exploration Agency'))).toEqual([
      { at: 0, length: 4, meanings: [['jaxa']] },
    ]);
    expect(glossary.expand(stems('agreement'))).toEqual([]);
  });

  it('reads the Japanese wordings of one term as one another, for a Japanese document written in one of them', () => {
    const bilingual = new Glossary([{ text: 'President', typed: ['理事長', 'トップ'], both: false }]);
    const meanings = (q: string) =>
      bilingual.expand(contentTerms(q, bilingual.dictionary).map((t) => t.stem))[0]?.meanings;
    expect(meanings('トップ')).toEqual([['理事長'], [stem('President')]]);
    expect(meanings('理事長')).toEqual([['とっぷ'], [stem('President')]]);
  });
});
