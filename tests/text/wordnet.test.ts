import { describe, expect, it } from 'vitest';
import { isEnglishWord, isKindOf, relatedWords } from '../../src/text/wordnet.js';

const texts = (word: string, relation: string, pos?: 'n' | 'v' | 'a' | 'r') =>
  relatedWords(word, 3, pos)
    .filter((r) => r.relation === relation)
    .map((r) => r.text);

describe('relatedWords (WordNet)', () => {
  it('finds synonyms of any inflection, multi-word ones with spaces', () => {
    expect(texts('acknowledged', 'synonym', 'v')).toContain('admit');
    expect(texts('envoys', 'synonym', 'n')).toContain('emissary');
    expect(texts('envoy', 'synonym')).toContain('envoy extraordinary');
  });

  it('finds adjectives of close meaning, derived forms, broader terms and what a place is part of', () => {
    expect(texts('important', 'synonym', 'a')).toContain('significant');
    expect(texts('acknowledge', 'derived', 'v')).toContain('recognition');
    expect(texts('envoy', 'broader', 'n')).toContain('diplomat');
    expect(texts('tokyo', 'broader')).toContain('japan');
  });

  it('reads only the part of speech asked for', () => {
    expect(texts('land', 'broader', 'n')).toContain('country');
    expect(texts('land', 'broader', 'v')).not.toContain('country');
    expect(texts('land', 'broader', 'v')).toContain('arrive');
  });

  it('says which meaning a related word comes from, commonest first', () => {
    const envoy = relatedWords('envoy', 3, 'n');
    expect(envoy.find((r) => r.text === 'envoy extraordinary')?.sense).toBe(0);
    expect(envoy.find((r) => r.text === 'emissary')?.sense).toBe(1);
    expect(relatedWords('envoy', 1, 'n').some((r) => r.text === 'emissary')).toBe(false);
  });

  it('finds nothing for words WordNet lacks', () => {
    expect(relatedWords('xqzzyv')).toEqual([]);
    expect(relatedWords('')).toEqual([]);
  });
});

describe('isKindOf and isEnglishWord (WordNet)', () => {
  it('classes units by what they measure, in any inflection and as phrases', () => {
    expect(isKindOf('kilograms', 'mass unit')).toBe(true);
    expect(isKindOf('kg', 'mass unit')).toBe(true);
    expect(isKindOf('kilometres', 'linear unit')).toBe(true);
    expect(isKindOf('cubic meters', 'volume unit')).toBe(true);
    expect(isKindOf('kilometers per hour', 'rate')).toBe(true);
    expect(isKindOf('kilograms', 'linear unit')).toBe(false);
    expect(isKindOf('astronauts', 'mass unit')).toBe(false);
  });

  it('reads only the commonest meanings asked for', () => {
    // A volume is a measure in one meaning, a book in another.
    expect(isKindOf('volume', 'volume unit', 1)).toBe(false);
    expect(isKindOf('kilometer', 'linear unit', 1)).toBe(true);
  });

  it('knows English words in any inflection, and not typos', () => {
    expect(isEnglishWord('stipends')).toBe(true);
    expect(isEnglishWord('speed')).toBe(true);
    expect(isEnglishWord('peacefull')).toBe(false);
    expect(isEnglishWord('xqzzyv')).toBe(false);
  });
});
